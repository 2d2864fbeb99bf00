// The isolated candidate runner (verify/candidate_runner.hpp): well-behaved candidates get their
// exact stdout back; every hostile candidate of verify/candidates/hostile/ is classified, killed
// with everything it started, and cleaned up within its limits.
#include "topospec/verify/candidate_runner.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "topospec/topology/error.hpp"

namespace {

using nlohmann::json;
using namespace topospec::verify;
namespace fs = std::filesystem;

const std::string kCase =
    R"({"format": "topospec-case/1", "name": "two-triangles", "input": {"type": )"
    R"("simplicial_complex", "simplices": [[0, 1, 2], [0, 2, 3]]}, "want": ["betti"]})";

std::string hostile(const std::string& name) {
  return std::string(TOPOSPEC_SOURCE_DIR) + "/verify/candidates/hostile/" + name;
}
std::string sh(const std::string& name) { return "/bin/sh '" + hostile(name) + "'"; }
std::string python(const std::string& name) { return "/usr/bin/python3 '" + hostile(name) + "'"; }

// The small limits of every hostile run.
RunLimits small_limits(double wall_seconds = 3) {
  RunLimits limits;
  limits.wall_seconds = wall_seconds;
  limits.cpu_seconds = 10;
  limits.memory_bytes = 256u << 20;
  limits.output_bytes = 1u << 20;
  limits.max_processes = 32;
  return limits;
}

// State letter of a live process, nullopt when it is gone. A zombie ('Z') has exited.
std::optional<char> process_state(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos || close + 2 >= text.size()) return std::nullopt;
  return text[close + 2];
}

bool process_alive(pid_t pid) {
  const auto state = process_state(pid);
  return state && *state != 'Z' && *state != 'X';
}

// Pids of live (non-zombie) processes in process group `pgid`.
std::vector<pid_t> live_group_members(pid_t pgid) {
  std::vector<pid_t> members;
  DIR* proc = opendir("/proc");
  while (const dirent* entry = readdir(proc)) {
    const pid_t pid = std::atoi(entry->d_name);
    if (pid <= 0) continue;
    std::ifstream in(std::string("/proc/") + entry->d_name + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(text.substr(close + 1));
    char state;
    pid_t ppid, pgrp;
    if (fields >> state >> ppid >> pgrp && pgrp == pgid && state != 'Z' && state != 'X') {
      members.push_back(pid);
    }
  }
  closedir(proc);
  return members;
}

bool uses_cgroup() { return isolation_summary().rfind("cgroup", 0) == 0; }

struct TimedRun {
  RunResult result;
  double seconds;  // measured around run_candidate, by the caller
};

TimedRun timed_run(const std::string& command, const std::string& input, const RunLimits& limits) {
  const auto start = std::chrono::steady_clock::now();
  RunResult result = run_candidate(command, input, limits);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {std::move(result), seconds};
}

// What every run must leave behind: nothing. Returns within the wall limit + 2 s, no process of
// its group alive, its directories removed.
void expect_cleaned_up(const TimedRun& run) {
  const RunResult& r = run.result;
  EXPECT_LT(run.seconds, r.limits.wall_seconds + 2) << r.summary();
  EXPECT_GT(r.pid, 0);
  EXPECT_TRUE(live_group_members(r.pid).empty()) << "group " << r.pid << " survived";
  if (r.pid > 0) {
    errno = 0;
    const int rc = kill(-r.pid, 0);  // only zombies (exited, awaiting init) may remain
    EXPECT_TRUE(rc == -1 ? errno == ESRCH : live_group_members(r.pid).empty());
  }
  ASSERT_FALSE(r.work_dir.empty());
  EXPECT_FALSE(fs::exists(r.work_dir)) << r.work_dir;
  EXPECT_FALSE(fs::exists(fs::path(r.work_dir).parent_path())) << r.work_dir;
}

// ---------------------------------------------------------------------------------------------
// Well-behaved candidates

TEST(CandidateRunner, CatEchoesTheCaseExactly) {
  const TimedRun run = timed_run("cat", kCase, RunLimits{});
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  EXPECT_EQ(run.result.stdout_data, kCase);
  EXPECT_EQ(run.result.stderr_tail, "");
  EXPECT_EQ(run.result.exit_code, 0);
  EXPECT_EQ(run.result.signal, 0);
  EXPECT_EQ(run.result.summary(), "exit status 0");
  EXPECT_EQ(to_string(run.result.status), "ok");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, PythonReadsTheCaseAndAnswers) {
  const std::string command =
      R"(/usr/bin/python3 -c 'import json, sys; c = json.load(sys.stdin); )"
      R"(print(json.dumps({"betti": [len(c["input"]["simplices"]), 0, 0]}))')";
  const TimedRun run = timed_run(command, kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary() << run.result.stderr_tail;
  EXPECT_EQ(run.result.stdout_data, "{\"betti\": [2, 0, 0]}\n");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, LargeStdinAndStdoutDoNotDeadlock) {
  // 4 MiB each way, far beyond a pipe buffer: needs concurrent writing and reading.
  std::string input;
  while (input.size() < (4u << 20)) input += kCase + "\n";
  RunLimits limits = small_limits();
  limits.output_bytes = 8u << 20;
  const TimedRun run = timed_run("cat", input, limits);
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  EXPECT_TRUE(run.result.stdout_data == input) << run.result.stdout_data.size() << " bytes";
  expect_cleaned_up(run);
}

TEST(CandidateRunner, MinimalEnvironmentAndFreshEmptyDirectory) {
  setenv("TOPOSPEC_RUNNER_SECRET", "must-not-leak", 1);
  const TimedRun run =
      timed_run("env; echo cwd=$(pwd); echo files=$(ls -A | wc -l)", "", small_limits());
  unsetenv("TOPOSPEC_RUNNER_SECRET");
  ASSERT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  std::istringstream lines(run.result.stdout_data);
  std::map<std::string, std::string> env;
  for (std::string line; std::getline(lines, line);) {
    const auto eq = line.find('=');
    env[line.substr(0, eq)] = line.substr(eq + 1);
  }
  const std::string& dir = run.result.work_dir;
  EXPECT_EQ(env["PATH"], "/usr/local/bin:/usr/bin:/bin");
  EXPECT_EQ(env["HOME"], dir);
  EXPECT_EQ(env["TMPDIR"], dir);
  EXPECT_EQ(env["LANG"], "C.UTF-8");
  EXPECT_EQ(env["cwd"], dir);
  EXPECT_EQ(env["files"], "0");
  // Nothing else, except PWD, which sh sets itself.
  for (const auto& [name, value] : env) {
    EXPECT_TRUE(name == "PATH" || name == "HOME" || name == "TMPDIR" || name == "LANG" ||
                name == "PWD" || name == "cwd" || name == "files")
        << name << "=" << value;
  }
  expect_cleaned_up(run);
}

TEST(CandidateRunner, NoDescriptorLeaksIntoTheCandidate) {
  const int stray = open("/dev/null", O_RDONLY);  // deliberately without O_CLOEXEC
  ASSERT_GE(stray, 3);
  const TimedRun run = timed_run("ls /proc/$$/fd", "", small_limits());
  close(stray);
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  EXPECT_EQ(run.result.stdout_data, "0\n1\n2\n");
}

TEST(CandidateRunner, RootKeepsItsUidWhenTheCandidateIsClosedToOthers) {
  if (geteuid() != 0) GTEST_SKIP() << "only root drops privileges";
  const fs::path dir = fs::temp_directory_path() / ("topospec-closed-" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all);  // 0700, as mktemp -d makes it
  const std::string script = (dir / "cand.sh").string();
  std::ofstream(script) << "id -u\n";
  const std::string command = "/bin/sh " + script;
  const TimedRun run = timed_run(command, "", small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  EXPECT_EQ(run.result.stdout_data, "0\n");
  EXPECT_NE(isolation_summary(command).find("not dropped: " + script), std::string::npos)
      << isolation_summary(command);
  fs::remove_all(dir);
}

TEST(CandidateRunner, RootIsDroppedToNobody) {
  const TimedRun run = timed_run("id -u; id -g; id -G", "", small_limits());
  ASSERT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  if (geteuid() == 0) {
    EXPECT_EQ(run.result.stdout_data, "65534\n65534\n65534\n");
    EXPECT_NE(isolation_summary().find("uid 65534 (nobody)"), std::string::npos)
        << isolation_summary();
  } else {
    const std::string ids = std::to_string(geteuid()) + "\n" + std::to_string(getegid()) + "\n";
    EXPECT_EQ(run.result.stdout_data.substr(0, ids.size()), ids);
  }
}

TEST(CandidateRunner, ConcurrentRunsStayApart) {
  std::vector<std::future<RunResult>> runs;
  for (int i = 0; i < 4; ++i) {
    runs.push_back(std::async(std::launch::async, [i] {
      return run_candidate("cat; echo " + std::to_string(i), "case " + std::to_string(i) + "\n",
                           small_limits());
    }));
  }
  for (int i = 0; i < 4; ++i) {
    const RunResult r = runs[i].get();
    EXPECT_EQ(r.status, RunStatus::Ok) << r.summary();
    EXPECT_EQ(r.stdout_data, "case " + std::to_string(i) + "\n" + std::to_string(i) + "\n");
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile candidates

TEST(CandidateRunner, InfiniteLoopHitsTheWallClockLimit) {
  const TimedRun run = timed_run(sh("infinite_loop.sh"), kCase, small_limits(2));
  EXPECT_EQ(run.result.status, RunStatus::WallTimeout);
  EXPECT_EQ(run.result.summary(), "killed after 2 s wall-clock limit");
  EXPECT_EQ(to_string(run.result.status), "wall_timeout");
  EXPECT_GE(run.seconds, 2.0);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, InfiniteLoopHitsTheCpuLimit) {
  RunLimits limits = small_limits(30);  // generous wall time: a loaded machine gives 1 s CPU slowly
  limits.cpu_seconds = 1;
  const TimedRun run = timed_run(sh("infinite_loop.sh"), kCase, limits);
  EXPECT_EQ(run.result.status, RunStatus::CpuLimit) << run.result.summary();
  EXPECT_EQ(run.result.summary(), "killed after 1 s CPU time limit");
  EXPECT_EQ(run.result.signal, SIGXCPU);
  EXPECT_GE(run.result.cpu_seconds, 0.9);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, ForkBombIsContainedAndKilled) {
  const TimedRun run = timed_run(python("fork_bomb.py"), kCase, small_limits(3));
  EXPECT_EQ(run.result.status, RunStatus::WallTimeout) << run.result.summary();
  EXPECT_TRUE(run.result.process_limit_hit) << run.result.stderr_tail;
  EXPECT_EQ(run.result.summary(), "killed after 3 s wall-clock limit; process limit (32) reached");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, MemoryHogHitsTheMemoryLimit) {
  const TimedRun run = timed_run(python("memory_hog.py"), kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::MemoryLimit) << run.result.summary() << "\n"
                                                       << run.result.stderr_tail;
  EXPECT_EQ(run.result.summary(),
            "out of memory under the 256 MiB limit (stderr says \"MemoryError\"; exit status 1)");
  EXPECT_NE(run.result.stderr_tail.find("MemoryError"), std::string::npos);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, BadAllocIsAMemoryLimit) {
  const TimedRun run = timed_run(sh("bad_alloc.sh"), kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::MemoryLimit) << run.result.summary();
  EXPECT_EQ(run.result.summary(),
            "out of memory under the 256 MiB limit (stderr says \"std::bad_alloc\"; killed by "
            "SIGABRT)");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, StdoutFloodIsCutAndKilled) {
  const TimedRun run = timed_run(sh("stdout_flood.sh"), kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::OutputLimit);  // at the cap, not at the deadline
  EXPECT_EQ(run.result.summary(), "stdout exceeded 1 MiB; killed");
  EXPECT_EQ(run.result.stdout_data.size(), 1u << 20);
  EXPECT_EQ(run.result.stdout_data.rfind("{\"betti\": [1, 0, 0]", 0), 0u);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, StderrKeepsOnlyTheTail) {
  RunLimits limits = small_limits();
  limits.stderr_tail_bytes = 4096;
  const TimedRun run = timed_run(sh("stderr_flood.sh"), kCase, limits);
  EXPECT_EQ(run.result.status, RunStatus::NonZeroExit);
  EXPECT_EQ(run.result.exit_code, 3);
  EXPECT_EQ(run.result.summary(), "exit status 3");
  EXPECT_LE(run.result.stderr_tail.size(), 4096u);
  EXPECT_GE(run.result.stderr_tail.size(), 4000u);
  const std::string last = "LAST LINE: the real error\n";
  ASSERT_GE(run.result.stderr_tail.size(), last.size());
  EXPECT_EQ(run.result.stderr_tail.substr(run.result.stderr_tail.size() - last.size()), last);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, EndlessStderrFloodStillTimesOut) {
  const TimedRun run =
      timed_run("yes 'warning: xxxxxxxxxxxxxxxxxxxxxxxxxxxx' >&2", kCase, small_limits(1));
  EXPECT_EQ(run.result.status, RunStatus::WallTimeout) << run.result.summary();
  EXPECT_EQ(run.result.summary(), "killed after 1 s wall-clock limit");
  EXPECT_LE(run.result.stderr_tail.size(), run.result.limits.stderr_tail_bytes);
  EXPECT_NE(run.result.stderr_tail.find("warning: xxxx"), std::string::npos);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, BadAnswersExitingZeroAreOkForTheCallerToJudge) {
  const std::pair<const char*, const char*> cases[] = {
      {"invalid_json.sh", "{\"betti\": [1, 0,"},
      {"nan_answer.sh", "{\"betti\": [1, 0, 0], \"spectrum\": [NaN, 1.0, Infinity]}\n"},
      {"wrong_type.sh",
       "{\"betti\": \"one, zero, zero\", \"euler_characteristic\": [1], \"spectrum\": {\"0\": "
       "1}}\n"}};
  for (const auto& [file, expected] : cases) {
    const TimedRun run = timed_run(sh(file), kCase, small_limits());
    EXPECT_EQ(run.result.status, RunStatus::Ok) << file << ": " << run.result.summary();
    EXPECT_EQ(run.result.stdout_data, expected) << file;
    expect_cleaned_up(run);
  }
}

TEST(CandidateRunner, CrashBySignal) {
  // The shell of the command line itself dies.
  const TimedRun run = timed_run("cat > /dev/null; kill -SEGV $$", kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Signaled);
  EXPECT_EQ(run.result.signal, SIGSEGV);
  EXPECT_EQ(run.result.exit_code, -1);
  EXPECT_EQ(run.result.summary(), "killed by signal 11 (SIGSEGV)");
  EXPECT_EQ(to_string(run.result.status), "signaled");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, CrashBySignalUnderTheShell) {
  // sh -c runs the script's shell as its child, and reports its death as exit status 128 + n.
  const TimedRun run = timed_run(sh("segfault.sh"), kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Signaled);
  EXPECT_EQ(run.result.signal, SIGSEGV);
  EXPECT_EQ(run.result.exit_code, 128 + SIGSEGV);
  EXPECT_EQ(run.result.summary(),
            "killed by signal 11 (SIGSEGV), reported by sh as exit status 139");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, SignalOfACommandUnderTheShell) {
  // sh does not exec its last command: a crash of the program shows as exit status 128 + n.
  const TimedRun run =
      timed_run("/usr/bin/python3 -c 'import os; os.abort()'", kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Signaled);
  EXPECT_EQ(run.result.signal, SIGABRT);
  EXPECT_EQ(run.result.exit_code, 128 + SIGABRT);
  EXPECT_EQ(run.result.summary(),
            "killed by signal 6 (SIGABRT), reported by sh as exit status 134");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, CommandNotFound) {
  const TimedRun run = timed_run("topospec-no-such-candidate --answer", kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::NonZeroExit);
  EXPECT_EQ(run.result.exit_code, 127);
  EXPECT_EQ(run.result.summary(), "exit status 127 (command not found)");
  EXPECT_NE(run.result.stderr_tail.find("not found"), std::string::npos);
  expect_cleaned_up(run);
}

TEST(CandidateRunner, StdinIsClosedAfterTheCase) {
  const std::string input(1u << 20, ' ');  // more than a pipe buffer
  const TimedRun run = timed_run(sh("stdin_drain.sh"), kCase + input, small_limits());
  // Ok, not WallTimeout: it saw EOF.
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  EXPECT_EQ(run.result.stdout_data, "{\"betti\": [1]}\n");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, CandidateThatNeverReadsStdinAndAnswers) {
  const std::string input(1u << 20, ' ');
  const TimedRun run = timed_run(sh("stdin_ignore_answer.sh"), kCase + input, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();  // EPIPE did not kill us
  EXPECT_EQ(run.result.stdout_data, "{\"betti\": [1]}\n");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, NoSigpipeLeftBehind) {
  // The EPIPE of the previous kind of run must neither kill us nor leave SIGPIPE pending or
  // blocked in this thread.
  const std::string input(1u << 20, ' ');
  const RunResult r = run_candidate(sh("stdin_ignore_answer.sh"), input, small_limits());
  EXPECT_EQ(r.status, RunStatus::Ok) << r.summary();
  sigset_t pending, mask;
  ASSERT_EQ(sigpending(&pending), 0);
  EXPECT_EQ(sigismember(&pending, SIGPIPE), 0);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, nullptr, &mask), 0);
  EXPECT_EQ(sigismember(&mask, SIGPIPE), 0);
}

TEST(CandidateRunner, CandidateThatNeverReadsStdinAndHangs) {
  const std::string input(4u << 20, ' ');
  const TimedRun run = timed_run(sh("stdin_ignore_sleep.sh"), kCase + input, small_limits(2));
  EXPECT_EQ(run.result.status, RunStatus::WallTimeout);
  EXPECT_EQ(run.result.summary(), "killed after 2 s wall-clock limit");
  expect_cleaned_up(run);
}

TEST(CandidateRunner, WritesOutsideTheWorkingDirectory) {
  const TimedRun run = timed_run(sh("escape.sh"), kCase, small_limits());
  ASSERT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  const json report = json::parse(run.result.stdout_data);
  const std::string tmp_file = "/tmp/topospec-escape-" + std::to_string(report["pid"].get<int>());
  const std::string etc_file = "/etc/topospec-escape-" + std::to_string(report["pid"].get<int>());
  EXPECT_EQ(report["cwd"], run.result.work_dir);
  EXPECT_EQ(report["home"], true);  // its own directory is writable
  EXPECT_FALSE(fs::exists(fs::path(run.result.work_dir).parent_path() / "escape"));
  // Root drops to nobody unless the checkout is closed to other users (then it cannot).
  if (isolation_summary(sh("escape.sh")).find("(nobody)") != std::string::npos) {
    // As nobody: not the runner's directory above it, not /etc …
    EXPECT_EQ(report["parent"], false);
    EXPECT_EQ(report["etc"], false);
    EXPECT_FALSE(fs::exists(etc_file));
    // … but /tmp is world-writable and there is no mount namespace: a file may appear there,
    // owned by nobody, never by root. Documented in candidate_runner.hpp.
    struct stat st {};
    if (stat(tmp_file.c_str(), &st) == 0) {
      EXPECT_EQ(report["tmp"], true);
      EXPECT_EQ(st.st_uid, 65534u);
      fs::remove(tmp_file);
    }
  } else {
    // Same uid as us: it can write what we can; RUN/escape went away with RUN.
    fs::remove(tmp_file);
    fs::remove(etc_file);
  }
  expect_cleaned_up(run);
}

TEST(CandidateRunner, BackgroundChildIsKilledWhenTheCandidateExits) {
  const TimedRun run = timed_run(sh("background_child.sh"), kCase, small_limits());
  // Ok, not WallTimeout: the child held stdout open, and we did not wait for it.
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  const pid_t child = json::parse(run.result.stdout_data)["pid"].get<pid_t>();
  EXPECT_FALSE(process_alive(child));
  expect_cleaned_up(run);
}

TEST(CandidateRunner, SetsidEscapeeIsKilledThroughTheCgroup) {
  const TimedRun run = timed_run(sh("setsid_escape.sh"), kCase, small_limits());
  EXPECT_EQ(run.result.status, RunStatus::Ok) << run.result.summary();
  const pid_t child = json::parse(run.result.stdout_data)["pid"].get<pid_t>();
  expect_cleaned_up(run);
  if (!uses_cgroup()) {
    if (process_alive(child)) kill(child, SIGKILL);
    GTEST_SKIP() << "no pids cgroup here: a setsid() escapee survives the process group kill";
  }
  EXPECT_FALSE(process_alive(child));
}

TEST(CandidateRunner, NothingLeaksInTheRunner) {
  const auto count_fds = [] {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator{});
  };
  const auto before = count_fds();
  run_candidate("cat", kCase, small_limits());
  run_candidate(sh("stdout_flood.sh"), kCase, small_limits());
  run_candidate("sleep 10", kCase, small_limits(0.5));
  run_candidate("topospec-no-such-candidate", kCase, small_limits());
  EXPECT_EQ(count_fds(), before);
  // Per-run cgroups are removed too.
  const std::string text = isolation_summary();
  if (uses_cgroup()) {
    const auto open = text.find('('), close = text.find(')');
    ASSERT_NE(open, std::string::npos) << text;
    const std::string prefix = "topospec-run-" + std::to_string(getpid()) + "-";
    for (const auto& entry : fs::directory_iterator(text.substr(open + 1, close - open - 1))) {
      EXPECT_NE(entry.path().filename().string().rfind(prefix, 0), 0u) << entry.path();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(CandidateRunner, UnusableLimitsAreRejected) {
  RunLimits limits;
  limits.wall_seconds = 0;
  EXPECT_THROW(run_candidate("true", "", limits), topospec::InvalidInput);
  limits = RunLimits{};
  limits.max_processes = 0;
  EXPECT_THROW(run_candidate("true", "", limits), topospec::InvalidInput);
}

TEST(CandidateRunner, NoTemporaryDirectoryIsASpawnFailure) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent-topospec-dir", 1);
  const RunResult r = run_candidate("true", "", small_limits());
  if (old) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_EQ(r.status, RunStatus::SpawnFailed);
  EXPECT_EQ(r.summary().rfind("could not start: cannot create a temporary directory in "
                              "/nonexistent-topospec-dir: No such file or directory",
                              0),
            0u)
      << r.summary();
}

TEST(CandidateRunner, IsolationIsDescribed) {
  const std::string text = isolation_summary();
  EXPECT_NE(text.find("process group killed"), std::string::npos) << text;
  std::cout << "[ isolation ] " << text << "\n";
}

}  // namespace
