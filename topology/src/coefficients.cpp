#include "topospec/topology/coefficients.hpp"

#include <charconv>

#include "topospec/topology/error.hpp"

namespace topospec {
namespace {

std::uint64_t mul_mod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
  return static_cast<std::uint64_t>(static_cast<unsigned __int128>(a) * b % m);
}

std::uint64_t pow_mod(std::uint64_t a, std::uint64_t e, std::uint64_t m) {
  std::uint64_t r = 1;
  for (a %= m; e; e >>= 1, a = mul_mod(a, a, m))
    if (e & 1) r = mul_mod(r, a, m);
  return r;
}

}  // namespace

bool is_prime(std::uint64_t n) {
  if (n < 2) return false;
  for (std::uint64_t p : {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37})
    if (n % p == 0) return n == p;
  std::uint64_t d = n - 1;
  int s = 0;
  while (d % 2 == 0) d /= 2, ++s;
  // These bases make Miller–Rabin deterministic for all n < 2^64.
  for (std::uint64_t a : {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}) {
    std::uint64_t x = pow_mod(a, d, n);
    if (x == 1 || x == n - 1) continue;
    bool composite = true;
    for (int r = 1; r < s && composite; ++r) {
      x = mul_mod(x, x, n);
      if (x == n - 1) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

Coefficients Coefficients::prime_field(std::uint64_t p) {
  if (p >= (std::uint64_t{1} << 31))
    throw InvalidInput("coefficients", "prime " + std::to_string(p) + " is not below 2^31");
  if (!is_prime(p)) throw InvalidInput("coefficients", std::to_string(p) + " is not a prime");
  return {Kind::Zp, static_cast<std::uint32_t>(p)};
}

Coefficients Coefficients::parse(std::string_view text) {
  if (text == "Q") return rationals();
  if (text == "Z") return integers();
  if (text == "Z2") return {Kind::Zp, 2};
  if (text.starts_with("Zp:")) {
    std::string_view digits = text.substr(3);
    std::uint64_t p = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), p);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
      throw InvalidInput("coefficients", "\"" + std::string(text) + "\" is not Zp:<prime>");
    return prime_field(p);
  }
  throw InvalidInput("coefficients", "unknown coefficients \"" + std::string(text) +
                                         "\" (expected Q, Z, Z2 or Zp:<prime>)");
}

std::string Coefficients::name() const {
  switch (kind) {
    case Kind::Q: return "Q";
    case Kind::Z: return "Z";
    case Kind::Zp: return p == 2 ? "Z2" : "Zp:" + std::to_string(p);
  }
  return "?";
}

}  // namespace topospec
