// Line-oriented tokenizer of the text readers (OFF, point clouds, distance matrices): splits on
// whitespace and extra separators, drops '#' comments when asked, and names errors
// "source:line". Private to the library.
#pragma once

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec::detail {

class TextLines {
 public:
  TextLines(std::istream& in, std::string source, std::string_view separators, bool comments)
      : in_(in), source_(std::move(source)), separators_(separators), comments_(comments) {}

  // Next line (tokens may be empty for a blank line); false at the end of the input.
  bool next_raw(std::vector<std::string_view>& tokens) {
    tokens.clear();
    if (!std::getline(in_, line_)) {
      if (in_.bad()) fail("read error");
      ++line_no_;  // errors about a missing record point just past the last line
      return false;
    }
    ++line_no_;
    std::string_view text(line_);
    if (comments_)
      if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
    std::size_t pos = 0;
    while (pos < text.size()) {
      while (pos < text.size() && is_separator(text[pos])) ++pos;
      std::size_t end = pos;
      while (end < text.size() && !is_separator(text[end])) ++end;
      if (end > pos) tokens.push_back(text.substr(pos, end - pos));
      pos = end;
    }
    return true;
  }

  // Next line with at least one token.
  bool next(std::vector<std::string_view>& tokens) {
    while (next_raw(tokens))
      if (!tokens.empty()) return true;
    return false;
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw InvalidInput(source_ + ":" + std::to_string(line_no_), message);
  }

  std::size_t line_no() const { return line_no_; }
  const std::string& line() const { return line_; }

  std::int64_t integer(std::string_view token, const char* what) const {
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc::result_out_of_range)
      fail(std::string(what) + " '" + std::string(token) + "' is out of range");
    if (ec != std::errc() || ptr != token.data() + token.size())
      fail(std::string(what) + " '" + std::string(token) + "' is not an integer");
    return value;
  }

  double real(std::string_view token, const char* what) const {
    const auto x = parse_real(token);
    if (!x) fail(std::string(what) + " '" + std::string(token) + "' is not a number");
    if (!std::isfinite(*x)) fail(std::string(what) + " '" + std::string(token) + "' is not finite");
    return *x;
  }

  static std::optional<double> parse_real(std::string_view token) {
    if (!token.empty() && token[0] == '+') token.remove_prefix(1);  // from_chars rejects '+'
    double value = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
    if (ec != std::errc() || ptr != token.data() + token.size() || token.empty())
      return std::nullopt;
    return value;
  }

 private:
  bool is_separator(char c) const {
    return std::isspace(static_cast<unsigned char>(c)) ||
           separators_.find(c) != std::string_view::npos;
  }

  std::istream& in_;
  std::string source_;
  std::string_view separators_;
  bool comments_;
  std::string line_;
  std::size_t line_no_ = 0;
};

}  // namespace topospec::detail
