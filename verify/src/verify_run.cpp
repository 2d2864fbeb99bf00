#include "topospec/verify/verify_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "topospec/topology/blas_kernels.hpp"
#include "topospec/topology/error.hpp"
#include "topospec/verify/random_instances.hpp"
#include "topospec/verify/shrink.hpp"

namespace topospec::verify {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The last lines of a candidate's stderr, for one-line messages.
std::string stderr_tail(const std::string& err, std::size_t max_chars = 300) {
  std::string t = err;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
  if (t.size() > max_chars) {
    std::size_t cut = t.size() - max_chars;
    while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
    t = "…" + t.substr(cut);
  }
  for (char& ch : t)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return t;
}


// Replaces the non-JSON tokens NaN, Infinity and -Infinity outside strings by JSON strings.
std::string quote_non_finite(const std::string& text, bool& changed) {
  static constexpr std::string_view kTokens[] = {"-Infinity", "Infinity", "NaN"};
  std::string out;
  out.reserve(text.size());
  bool in_string = false, escaped = false;
  changed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      out += ch;
      if (escaped)
        escaped = false;
      else if (ch == '\\')
        escaped = true;
      else if (ch == '"')
        in_string = false;
      continue;
    }
    if (ch == '"') {
      in_string = true;
      out += ch;
      continue;
    }
    bool replaced = false;
    for (std::string_view token : kTokens)
      if (text.compare(i, token.size(), token) == 0) {
        out += '"';
        out += token;
        out += '"';
        i += token.size() - 1;
        replaced = changed = true;
        break;
      }
    if (!replaced) out += ch;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Status and one-line summary of a case whose answer was obtained.
void judge(CaseReport& r, const Case& c, const json& expect, bool with_diagnoses) {
  r.comparison = compare_answer(c, expect, r.answer);
  r.violations = check_invariants(c, r.answer);
  for (const WantedQuantity& w : c.want) {
    const std::string key(quantity_name(w.quantity));
    if (!r.answer.contains(key)) r.not_attempted.push_back(key);
  }
  // Keys that are no quantity are ignored, but a misspelt key is the likeliest reason for a
  // quantity not attempted, so they are named. Keys starting with "_" are private by contract.
  for (const auto& [key, value] : r.answer.items())
    if (!parse_quantity(key) && !key.starts_with("_")) r.unknown_keys.push_back(key);
  if (r.comparison.any_wrong() || !r.violations.empty()) {
    r.status = CaseStatus::Fail;
    std::vector<std::string> others;
    const QuantityResult* first = nullptr;
    for (const QuantityResult& q : r.comparison.quantities)
      if (q.status == QuantityStatus::Fail || q.status == QuantityStatus::Malformed) {
        if (!first)
          first = &q;
        else
          others.push_back(std::string(quantity_name(q.quantity)));
      }
    if (first) {
      r.summary = (first->status == QuantityStatus::Malformed ? "malformed " : "") + first->message;
      if (first->tolerance != "exact" && first->message.find("tolerance") == std::string::npos)
        r.summary += " [tolerance: " + first->tolerance + "]";
      if (!others.empty()) r.summary += "; also wrong: " + join(others);
      if (!r.violations.empty())
        r.summary += "; " + std::to_string(r.violations.size()) + " invariant violation" +
                     (r.violations.size() == 1 ? "" : "s");
    } else {
      r.summary =
          "invariant " + r.violations.front().invariant + ": " + r.violations.front().message;
      if (r.violations.size() > 1)
        r.summary += " (+" + std::to_string(r.violations.size() - 1) + " more)";
    }
    if (with_diagnoses && expect.is_object() && r.answer.is_object()) {
      try {
        r.diagnoses = diagnose(c, expect, r.answer);
      } catch (const std::exception&) {
        // A diagnosis is a bonus: its failure must not change the verdict.
      }
    }
  } else if (!r.not_attempted.empty()) {
    r.status = CaseStatus::NotAttempted;
    r.summary = "not attempted: " + join(r.not_attempted);
    if (!r.unknown_keys.empty())
      r.summary += " (the answer has keys that are no quantity: " + join(r.unknown_keys) + ")";
  } else {
    r.status = CaseStatus::Pass;
  }
}

CaseReport blank_report(const Case& c, const json& expect) {
  CaseReport r;
  r.name = c.name.empty() ? fs::path(c.origin).stem().string() : c.name;
  r.origin = c.origin;
  r.tags = c.tags;
  const json& doc = c.document;
  r.input = doc.is_object() && doc.contains("input") ? doc["input"] : json();
  r.options = doc.is_object() && doc.contains("options") ? doc["options"] : json();
  r.expect = expect;
  return r;
}

// The library's answer without its "_diagnostics" (no quantity).
json library_answer(const Case& c, const AnswerOptions& options) {
  json a = answer_case(c, options);
  a.erase("_diagnostics");
  return a;
}

struct Job {
  std::optional<Case> suite_case;  // a suite case, or
  std::uint64_t random_seed = 0;   // a random case
};

// Runs random case `seed`: expected answers from the library, shrinking on a disagreement.
// Returns nullopt (with a warning) when the library cannot answer the random case itself.
std::optional<CaseReport> run_random(std::uint64_t seed, const VerifyOptions& options,
                                     std::string& warning) {
  RandomCaseOptions random_options;
  if (!options.random_want.empty()) random_options.want = options.random_want;
  random_options.input = options.random_input;
  const json doc = random_case(seed, random_options);
  Case c = parse_case(doc);
  c.origin = "random_case(" + std::to_string(seed) + ")";
  json expect;
  try {
    expect = library_answer(c, options.answer);
  } catch (const Error& e) {
    warning = c.origin + ": skipped, the library cannot answer it: " + e.what();
    return std::nullopt;
  }
  CaseReport r = verify_case(c, expect, options);
  if (r.status != CaseStatus::Fail && r.status != CaseStatus::Error) return r;

  // A smaller case still fails when the candidate, run again, gets the same verdict against
  // the library's answer to that smaller case.
  const CaseStatus original = r.status;
  VerifyOptions quick = options;  // the verdict is all a predicate needs
  quick.with_diagnoses = false;
  auto verdict = [&](const json& d) -> std::optional<CaseReport> {
    try {
      Case sc = parse_case(d);
      sc.origin = c.origin + ", shrunk";
      const json e = library_answer(sc, options.answer);
      return verify_case(sc, e, quick);
    } catch (const Error&) {
      return std::nullopt;  // not a valid case, or one the library cannot answer
    }
  };
  auto still_fails = [&](const json& d) {
    const auto v = verdict(d);
    return v && v->status == original;
  };
  json minimal = shrink_case(doc, still_fails, options.shrink_calls);
  const auto final_verdict = verdict(minimal);
  if (!final_verdict || final_verdict->status != original) minimal = doc;  // keep the original

  Case mc = parse_case(minimal);
  minimal["name"] = "counterexample-" + std::to_string(seed);
  minimal["description"] = "Minimal counterexample shrunk from random_case(" +
                           std::to_string(seed) +
                           ") by topospec verify --random; the candidate's answer: " +
                           (final_verdict ? final_verdict->summary : r.summary);
  minimal["source"] = "expected answer computed by the topospec library (answer_case)";
  minimal["tags"] = {"counterexample", "random"};
  minimal["expect"] = library_answer(mc, options.answer);
  r.counterexample = std::move(minimal);
  r.counterexample_path =
      options.counterexample_dir / ("counterexample-" + std::to_string(seed) + ".json");
  r.counterexample_summary = final_verdict ? final_verdict->summary : r.summary;
  return r;
}

}  // namespace

std::string to_string(CaseStatus status) {
  switch (status) {
    case CaseStatus::Pass:
      return "pass";
    case CaseStatus::Fail:
      return "fail";
    case CaseStatus::NotAttempted:
      return "not_attempted";
    case CaseStatus::Error:
      return "error";
    case CaseStatus::Timeout:
      return "timeout";
  }
  return "?";
}

std::string status_label(CaseStatus status) {
  switch (status) {
    case CaseStatus::Pass:
      return "PASS";
    case CaseStatus::Fail:
      return "FAIL";
    case CaseStatus::NotAttempted:
      return "NOT ATTEMPTED";
    case CaseStatus::Error:
      return "ERROR";
    case CaseStatus::Timeout:
      return "TIMEOUT";
  }
  return "?";
}

StatusCounts VerifyReport::counts() const {
  StatusCounts n;
  for (const CaseReport& c : cases) switch (c.status) {
      case CaseStatus::Pass:
        ++n.pass;
        break;
      case CaseStatus::Fail:
        ++n.fail;
        break;
      case CaseStatus::NotAttempted:
        ++n.not_attempted;
        break;
      case CaseStatus::Error:
        ++n.error;
        break;
      case CaseStatus::Timeout:
        ++n.timeout;
        break;
    }
  return n;
}

std::vector<fs::path> list_case_files(const std::vector<fs::path>& suite) {
  std::vector<fs::path> files;
  for (const fs::path& p : suite) {
    std::error_code ec;
    const auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) throw InvalidInput(p.string(), "no such file or directory");
    if (!fs::is_directory(st)) {
      files.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".json") found.push_back(it->path());
    if (ec) throw InvalidInput(p.string(), "cannot list the directory: " + ec.message());
    if (found.empty()) throw InvalidInput(p.string(), "no case files (*.json) in this directory");
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

nlohmann::json candidate_request(const Case& c) {
  const json& doc = c.document;
  json req = json::object();
  req["format"] = doc.is_object() && doc.contains("format") ? doc["format"] : json(kCaseFormat);
  req["name"] = c.name;
  req["input"] = doc.is_object() && doc.contains("input") ? doc["input"] : json::object();
  req["options"] = doc.is_object() && doc.contains("options") ? doc["options"] : json::object();
  json want = json::array();
  for (const WantedQuantity& w : c.want) want.push_back(std::string(quantity_name(w.quantity)));
  req["want"] = std::move(want);
  return req;
}

nlohmann::json parse_answer(const std::string& text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& original) {
    bool changed = false;
    const std::string quoted = quote_non_finite(text, changed);
    if (changed) {
      try {
        return json::parse(quoted);
      } catch (const json::parse_error&) {
        // report the error in the text as it was written
      }
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
      throw InvalidInput("", "empty output (expected one JSON object)");
    throw InvalidInput(line_and_column(text, original.byte), parse_error_reason(original));
  } catch (const json::out_of_range& e) {  // a number such as 1e999 that no double holds
    throw InvalidInput("", parse_error_reason(e));
  }
}

std::string case_document_text(const nlohmann::json& case_json) {
  if (!case_json.is_object())
    return case_json.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  static constexpr const char* kOrder[] = {"format", "name",     "description", "source",
                                           "tags",   "input",    "options",     "want",
                                           "expect", "tolerance"};
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const char* key : kOrder)
    if (case_json.contains(key)) out[key] = case_json[key];
  for (const auto& [key, value] : case_json.items())
    if (!out.contains(key)) out[key] = value;
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

CaseReport verify_case(const Case& c, const nlohmann::json& expect, const VerifyOptions& options) {
  const auto start = Clock::now();
  CaseReport r = blank_report(c, expect);
  if (options.candidate) {
    const std::string request = candidate_request(c).dump();
    RunResult run = run_candidate(*options.candidate, request, options.limits);
    const std::string tail = stderr_tail(run.stderr_tail);
    const std::string with_stderr = tail.empty() ? "" : "; stderr: " + tail;
    switch (run.status) {
      case RunStatus::Ok:
        try {
          r.answer = parse_answer(run.stdout_data);
          if (!r.answer.is_object()) {
            r.status = CaseStatus::Error;
            r.error =
                "stdout is JSON but not an object of quantities: " + short_json(r.answer, 80) +
                with_stderr;
            r.answer = json();
          }
        } catch (const InvalidInput& e) {
          r.status = CaseStatus::Error;
          r.error = "stdout is not JSON: " + std::string(e.what());
          if (!run.stdout_data.empty())
            r.error += "; stdout begins: " + stderr_tail(run.stdout_data.substr(0, 80));
          r.error += with_stderr;
        }
        break;
      case RunStatus::WallTimeout:
      case RunStatus::CpuLimit:
        r.status = CaseStatus::Timeout;
        r.error = run.summary() + with_stderr;
        break;
      default:
        r.status = CaseStatus::Error;
        r.error = run.summary() + with_stderr;
        break;
    }
    r.run = std::move(run);
  } else {
    try {
      r.answer = library_answer(c, options.answer);
    } catch (const Error& e) {
      r.status = CaseStatus::Error;
      r.error = std::string("the library failed: ") + e.what();
    }
  }
  if (r.error.empty())
    judge(r, c, expect, options.with_diagnoses);
  else
    r.summary = r.error;
  r.seconds = seconds_since(start);
  return r;
}

VerifyReport run_verify(const VerifyOptions& options) {
  const auto start = Clock::now();
  VerifyReport report;
  report.candidate = options.candidate;
  if (options.candidate) report.isolation = isolation_summary(*options.candidate);
  if (options.random_count > 0) {
    report.seed = options.seed;
    report.random_count = options.random_count;
  }
  if (options.jobs == 0) throw InvalidInput("jobs", "must be at least 1");

  // Load (and validate) everything before running anything.
  std::vector<Job> jobs;
  const std::vector<fs::path> files =
      options.suite.empty() ? std::vector<fs::path>{} : list_case_files(options.suite);
  for (const fs::path& p : options.suite) report.suite.push_back(p.string());
  for (const fs::path& file : files) {
    Case c;
    try {
      c = read_case_file(file);
      validate_expect(c);
    } catch (const InvalidInput& e) {
      throw InvalidInput(e.where().empty() ? file.string() : file.string() + ": " + e.where(),
                         e.message());
    }
    for (const std::string& w : c.warnings) report.warnings.push_back(file.string() + ": " + w);
    if (!options.filter_tags.empty() &&
        std::none_of(c.tags.begin(), c.tags.end(), [&](const std::string& t) {
          return std::find(options.filter_tags.begin(), options.filter_tags.end(), t) !=
                 options.filter_tags.end();
        }))
      continue;
    jobs.push_back({std::move(c), 0});
  }
  if (!files.empty() && jobs.empty() && options.random_count == 0)
    throw InvalidInput("--filter", "no case has any of the tags " + join(options.filter_tags));
  for (std::size_t i = 0; i < options.random_count; ++i)
    jobs.push_back({std::nullopt, options.seed + i});

  // Run: workers take jobs in order; results are handed to on_case on this thread.
  std::vector<std::optional<CaseReport>> results(jobs.size());
  std::vector<std::string> job_warnings(jobs.size());
  auto run_job = [&](std::size_t i) {
    const Job& job = jobs[i];
    if (job.suite_case) {
      results[i] = verify_case(*job.suite_case, job.suite_case->expect, options);
    } else {
      results[i] = run_random(job.random_seed, options, job_warnings[i]);
    }
  };
  std::size_t done = 0;
  auto deliver = [&](std::size_t i) {
    ++done;
    if (results[i] && options.on_case) options.on_case(*results[i], done, jobs.size());
  };
  const std::size_t workers = std::min(options.jobs, jobs.size());
  if (workers <= 1) {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      run_job(i);
      deliver(i);
    }
  } else {
    // Workers take jobs in order and queue the finished ones; this thread hands them to
    // on_case. An exception (a host failure, not a candidate's) stops the hand-out of jobs and
    // is rethrown once every worker has stopped. The workers call BLAS concurrently, which
    // OpenBLAS's thread server does not survive (a run hung in CI): each call stays on its
    // worker's thread.
    const SerialBlas serial_blas;
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<std::size_t> finished;
    std::exception_ptr failure;
    std::size_t running = workers;
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w)
      threads.emplace_back([&] {
        for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
          std::exception_ptr error;
          try {
            run_job(i);
          } catch (...) {
            error = std::current_exception();
          }
          std::lock_guard lock(mutex);
          if (error) {
            if (!failure) failure = error;
            next = jobs.size();
          } else {
            finished.push_back(i);
          }
          cv.notify_one();
        }
        std::lock_guard lock(mutex);
        --running;
        cv.notify_one();
      });
    for (;;) {
      std::unique_lock lock(mutex);
      cv.wait(lock, [&] { return !finished.empty() || running == 0; });
      if (finished.empty()) break;  // every worker has stopped
      const std::size_t i = finished.front();
      finished.pop_front();
      const bool ok = !failure;
      lock.unlock();
      if (ok) deliver(i);
    }
    for (std::thread& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (results[i]) report.cases.push_back(std::move(*results[i]));
    if (!job_warnings[i].empty()) report.warnings.push_back(job_warnings[i]);
  }
  report.seconds = seconds_since(start);
  return report;
}

}  // namespace topospec::verify
