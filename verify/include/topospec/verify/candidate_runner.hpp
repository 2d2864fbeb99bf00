/// \file
/// \ingroup verify
/// Runs one untrusted candidate program on one case (spec/CASES.md, "Candidate protocol"). The
/// case JSON goes to its stdin, its stdout comes back; it runs in its own session and process
/// group, in a fresh empty working directory, with a minimal environment and resource limits,
/// and it is killed with everything it started when it overruns or when it is done.
///
/// Isolation, strongest available mechanism first (isolation_summary() says which is in use):
///  - Processes: a pids cgroup with pids.max = max_processes: v2 where our cgroup can delegate
///    the pids controller to a child (in practice: we sit in the root cgroup of the hierarchy or
///    of a cgroup namespace), else the v1 pids hierarchy. Everything in it is killed at the end,
///    including processes that left the process group with setsid()/setpgid(). Without a
///    writable cgroup: RLIMIT_NPROC (the kernel counts it over all tasks of the uid, so it is set
///    to the uid's current task count plus max_processes) and SIGKILL to the process group,
///    which a setsid() escapee survives.
///  - Privileges: when we run as root, the candidate runs as `nobody` (uid/gid from the password
///    database, else 65534) with no supplementary groups and PR_SET_NO_NEW_PRIVS — even with a
///    cgroup: as root it could kill(-1) everything and write anywhere, and RLIMIT_NPROC does not
///    bind root. Candidate files must therefore be readable by `nobody`. Runs at the same time
///    share that uid and could signal each other.
///  - Files: the working directory is RUN/work (RUN = mkdtemp under $TMPDIR or /tmp, ours, mode
///    0711; work owned by the candidate's uid, mode 0700), so "../x" is not writable. Both are
///    removed afterwards with fd-relative calls that never follow a symlink. World-writable
///    places (/tmp, /var/tmp, /dev/shm) stay writable by the candidate's uid: there is no mount
///    namespace, so that candidate commands may name files anywhere, /tmp included.
///    RLIMIT_FSIZE bounds each file it writes, not their number.
///  - Memory: RLIMIT_AS (address space: runtimes that reserve large virtual ranges — JVM, Go —
///    need a generous limit). CPU: RLIMIT_CPU, per process. Wall clock: enforced here.
///  - The run ends when the shell exits: its process group (and cgroup) is killed at once, even
///    on success, so an orphan holding stdout open cannot delay us; output already written is
///    read for up to 0.5 s more. The shell gets PR_SET_PDEATHSIG(SIGKILL) should we die first.
///
/// Classification notes: /bin/sh -c does not exec its last command, so a crash of the program
/// usually arrives as sh's exit status 128 + n; that is reported as the signal n (Signaled, or
/// CpuLimit for SIGXCPU). MemoryLimit is inferred from stderr ("MemoryError", "std::bad_alloc",
/// "Cannot allocate memory", …) after an abnormal end: RLIMIT_AS failures have no signal of
/// their own.
///
/// run_candidate() is safe to call from several threads at once (each run has its own cgroup and
/// directories; every descriptor is close-on-exec, and the child closes all but 0, 1, 2).
#pragma once

#include <cstddef>
#include <string>

namespace topospec::verify {

/// Resource limits of one candidate run (see the file comment for how each is enforced).
struct RunLimits {
  double wall_seconds = 20;               ///< must be > 0; enforced by the parent
  double cpu_seconds = 20;                ///< RLIMIT_CPU (rounded up to whole seconds); 0: none
  std::size_t memory_bytes = 2ull << 30;  ///< RLIMIT_AS; 0: none
  std::size_t output_bytes = 16u << 20;   ///< stdout beyond this: killed, OutputLimit
  std::size_t stderr_tail_bytes = 4096;   ///< only the last bytes of stderr are kept
  int max_processes = 64;                 ///< processes (and threads) at once, >= 1
  std::size_t file_bytes = 64u << 20;     ///< RLIMIT_FSIZE: each file it writes; 0: none
};

/// How a candidate run ended, as far as the runner can tell; Ok says nothing about the answer.
enum class RunStatus {
  Ok,           ///< exit status 0 (the caller judges stdout)
  NonZeroExit,  ///< exit status != 0, including 127 from sh when the command is not found
  Signaled,     ///< killed by a signal it did not get from us (or sh's exit status 128 + n)
  WallTimeout,  ///< killed by us at the wall-clock deadline
  CpuLimit,     ///< SIGXCPU/SIGKILL from RLIMIT_CPU (or sh's exit status 128 + SIGXCPU)
  MemoryLimit,  ///< failed abnormally after an allocation failure (see RunResult::detail)
  OutputLimit,  ///< wrote more than output_bytes to stdout; killed
  SpawnFailed   ///< could not be started at all (detail says why)
};

/// Machine-friendly name: "ok", "nonzero_exit", "signaled", "wall_timeout", "cpu_limit",
/// "memory_limit", "output_limit", "spawn_failed".
std::string to_string(RunStatus status);

/// Everything a candidate run produced and how it ended.
struct RunResult {
  /// How the run ended.
  RunStatus status = RunStatus::SpawnFailed;
  int exit_code = -1;       ///< exit status when it exited, else -1
  int signal = 0;           ///< the signal that ended it (also for WallTimeout/OutputLimit: SIGKILL)
  std::string stdout_data;  ///< at most limits.output_bytes
  std::string stderr_tail;  ///< the last limits.stderr_tail_bytes of stderr
  double wall_seconds = 0;  ///< from start to reaping
  double cpu_seconds = 0;   ///< user + system time of the process and the children it waited for
  bool process_limit_hit = false;  ///< a fork failed at max_processes (cgroup: exact; else stderr)
  std::string detail;    ///< SpawnFailed: why; MemoryLimit: the evidence; or a cleanup failure
  int pid = -1;          ///< the candidate's pid = its process group and session id
  std::string work_dir;  ///< where it ran (already removed)
  RunLimits limits;      ///< the limits it ran under

  /// One line for a report: "killed after 20 s wall-clock limit", "exit status 1", "killed by
  /// signal 11 (SIGSEGV)", "stdout exceeded 16 MiB; killed", … with "; process limit (64)
  /// reached" appended when that happened.
  std::string summary() const;
};

/// Runs `command` with /bin/sh -c, feeding `stdin_data` on its stdin (then closing it) and
/// collecting stdout and the stderr tail, under `limits`. Never throws for anything the
/// candidate does; throws InvalidInput for unusable limits (wall_seconds <= 0, max_processes < 1).
/// Host failures (no pipes, fork failure, no temporary directory) give SpawnFailed.
RunResult run_candidate(const std::string& command, const std::string& stdin_data,
                        const RunLimits& limits = {});

/// Which isolation run_candidate() uses in this process, in words, such as "cgroup v1 pids limit
/// (/sys/fs/cgroup/pids); runs as uid 65534 (nobody); new session, process group killed at the
/// end". The cgroup probe (create and remove one) runs once per process.
/// `command`: the candidate, whose absolute paths decide whether root can drop to nobody (a
/// path other users cannot reach keeps our uid, and the summary says so).
std::string isolation_summary(const std::string& command = "");

}  // namespace topospec::verify
