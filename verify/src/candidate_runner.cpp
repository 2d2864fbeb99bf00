// The isolated candidate runner (candidate_runner.hpp explains the isolation it provides).
//
// One run: create RUN/work and (when possible) a pids cgroup; fork; the child joins the cgroup,
// starts a new session, sets its limits, enters RUN/work, drops root, and execs /bin/sh -c.
// The parent feeds stdin and drains stdout/stderr with poll(), watches the child through a
// pidfd, kills everything at the deadline, at the output cap or when the child has exited,
// reaps, waits until no process of the group or cgroup is left, and removes the directories.
#include "topospec/verify/candidate_runner.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "topospec/topology/error.hpp"

namespace topospec::verify {
namespace {

using Clock = std::chrono::steady_clock;

std::string errno_text(int err) { return std::strerror(err); }

// ---------------------------------------------------------------------------------------------
// Small RAII helpers

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// A pipe whose ends are close-on-exec, so that children that other threads spawn at the same
// time never inherit them (an inherited write end would delay our EOF until they exit).
bool make_pipe(UniqueFd& read_end, UniqueFd& write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end = UniqueFd(fds[0]);
  write_end = UniqueFd(fds[1]);
  return true;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

std::optional<std::string> read_small_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_small_file(const std::string& path, std::string_view text) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  if (!fd.valid()) return false;
  return ::write(fd.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

std::string format_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

std::string format_bytes(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
  if (bytes >= kGiB && bytes % kGiB == 0) return std::to_string(bytes / kGiB) + " GiB";
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  if (bytes >= kMiB) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / kMiB);
    return text;
  }
  return std::to_string(bytes) + " bytes";
}

std::string signal_name(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

// ---------------------------------------------------------------------------------------------
// Process accounting through /proc

struct ProcStat {
  char state = '?';
  pid_t pgrp = -1;
};

std::optional<ProcStat> read_proc_stat(const char* pid_text) {
  const std::string path = std::string("/proc/") + pid_text + "/stat";
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return std::nullopt;
  char buffer[512];
  const ssize_t n = ::read(fd.get(), buffer, sizeof buffer - 1);
  if (n <= 0) return std::nullopt;
  buffer[n] = '\0';
  // "pid (comm) state ppid pgrp …": comm may contain anything, so parse after the last ')'.
  const char* close = std::strrchr(buffer, ')');
  if (!close) return std::nullopt;
  ProcStat stat;
  int ppid = 0, pgrp = 0;
  if (std::sscanf(close + 1, " %c %d %d", &stat.state, &ppid, &pgrp) != 3) return std::nullopt;
  stat.pgrp = pgrp;
  return stat;
}

template <typename Visit>
void for_each_process(Visit visit) {
  DIR* proc = ::opendir("/proc");
  if (!proc) return;
  while (const dirent* entry = ::readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    visit(entry->d_name);
  }
  ::closedir(proc);
}

// True while a process of group `pgid` is alive. Zombies do not count: they have exited and
// only wait for their parent (often init, which may reap them late) to collect them.
bool group_alive(pid_t pgid) {
  bool alive = false;
  for_each_process([&](const char* pid_text) {
    if (alive) return;
    if (auto stat = read_proc_stat(pid_text)) {
      alive = stat->pgrp == pgid && stat->state != 'Z' && stat->state != 'X';
    }
  });
  return alive;
}

// Tasks (threads included, as RLIMIT_NPROC counts them) whose real uid is `uid`.
long count_tasks_of_uid(uid_t uid) {
  long tasks = 0;
  for_each_process([&](const char* pid_text) {
    std::ifstream in(std::string("/proc/") + pid_text + "/status");
    std::string line;
    bool ours = false;
    while (std::getline(in, line)) {
      if (line.rfind("Uid:", 0) == 0) {
        ours = std::strtoul(line.c_str() + 4, nullptr, 10) == uid;
        if (!ours) break;
      } else if (line.rfind("Threads:", 0) == 0) {
        tasks += std::strtol(line.c_str() + 8, nullptr, 10);
        break;
      }
    }
  });
  return tasks;
}

// ---------------------------------------------------------------------------------------------
// pids cgroup

struct CgroupSite {
  std::string parent_dir;  // where per-run cgroups are created
  int version = 0;         // 1 or 2
};

std::atomic<unsigned> g_run_counter{0};

std::string unique_name(std::string_view prefix) {
  return std::string(prefix) + std::to_string(::getpid()) + "-" +
         std::to_string(g_run_counter.fetch_add(1));
}

bool is_pids_cgroup(const std::string& dir) {
  struct stat st {};
  return ::stat((dir + "/pids.max").c_str(), &st) == 0;
}

// Creating and removing one cgroup under `site` tells whether we may use it at all.
bool probe_site(const CgroupSite& site) {
  const std::string probe = site.parent_dir + "/" + unique_name("topospec-probe-");
  if (::mkdir(probe.c_str(), 0755) != 0) return false;
  const bool ok = is_pids_cgroup(probe);
  ::rmdir(probe.c_str());
  return ok;
}

// Our own cgroup path in the hierarchy with `controller` (v1), or the unified one ("" → v2).
std::optional<std::string> own_cgroup_path(std::string_view controller) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find(':');
    const auto second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    const std::string controllers = line.substr(first + 1, second - first - 1);
    const std::string path = line.substr(second + 1);
    if (controller.empty()) {
      if (line.rfind("0::", 0) == 0) return path;
      continue;
    }
    std::stringstream list(controllers);
    std::string name;
    while (std::getline(list, name, ',')) {
      if (name == controller) return path;
    }
  }
  return std::nullopt;
}

std::optional<CgroupSite> find_cgroup_site() {
  std::ifstream mounts("/proc/self/mounts");
  std::string device, mount_point, type, options, rest;
  std::vector<CgroupSite> candidates;
  while (mounts >> device >> mount_point >> type >> options) {
    std::getline(mounts, rest);
    if (type == "cgroup2") {
      if (auto path = own_cgroup_path("")) {
        candidates.insert(candidates.begin(), {mount_point + (*path == "/" ? "" : *path), 2});
      }
    } else if (type == "cgroup" && ("," + options + ",").find(",pids,") != std::string::npos) {
      if (auto path = own_cgroup_path("pids")) {
        candidates.push_back({mount_point + (*path == "/" ? "" : *path), 1});
      }
    }
  }
  for (const CgroupSite& site : candidates) {  // v2 first
    if (site.version == 2) {
      // Children get the pids controller only if our cgroup delegates it. Enabling it fails
      // (EBUSY) in a non-root cgroup that holds processes — then we simply cannot use v2.
      auto control = read_small_file(site.parent_dir + "/cgroup.subtree_control");
      if (!control) continue;
      if (control->find("pids") == std::string::npos &&
          !write_small_file(site.parent_dir + "/cgroup.subtree_control", "+pids")) {
        continue;
      }
    }
    if (probe_site(site)) return site;
  }
  return std::nullopt;
}

// A process killed with SIGKILL leaves its run cgroups behind. Remove those of processes that
// are gone, once they are empty (rmdir refuses otherwise); their members are not ours to kill,
// as another pid namespace may share this hierarchy.
void remove_stale_cgroups(const CgroupSite& site) {
  DIR* dir = ::opendir(site.parent_dir.c_str());
  if (!dir) return;
  constexpr std::string_view kPrefix = "topospec-run-";
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name.substr(0, kPrefix.size()) != kPrefix) continue;
    const long owner = std::strtol(entry->d_name + kPrefix.size(), nullptr, 10);
    if (owner <= 0 || owner == ::getpid() || ::kill(static_cast<pid_t>(owner), 0) == 0 ||
        errno != ESRCH) {
      continue;
    }
    ::rmdir((site.parent_dir + "/" + entry->d_name).c_str());
  }
  ::closedir(dir);
}

const std::optional<CgroupSite>& cgroup_site() {
  static const std::optional<CgroupSite> site = [] {
    std::optional<CgroupSite> found = find_cgroup_site();
    if (found) remove_stale_cgroups(*found);
    return found;
  }();
  return site;
}

// One cgroup per run, with pids.max = max_processes. Removed (after killing whatever is left
// in it) by the destructor.
class RunCgroup {
 public:
  static std::unique_ptr<RunCgroup> create(const CgroupSite& site, int max_processes) {
    std::string dir = site.parent_dir + "/" + unique_name("topospec-run-");
    if (::mkdir(dir.c_str(), 0755) != 0) return nullptr;
    std::unique_ptr<RunCgroup> cgroup(new RunCgroup(std::move(dir), site.version));
    cgroup->procs_ =
        UniqueFd(::open((cgroup->dir_ + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
    if (!cgroup->procs_.valid() ||
        !write_small_file(cgroup->dir_ + "/pids.max", std::to_string(max_processes))) {
      return nullptr;
    }
    return cgroup;
  }
  RunCgroup(const RunCgroup&) = delete;
  RunCgroup& operator=(const RunCgroup&) = delete;
  ~RunCgroup() {
    kill_all();
    // rmdir fails with EBUSY until the last task has exited (zombies do not count).
    for (int attempt = 0; attempt < 200; ++attempt) {
      if (::rmdir(dir_.c_str()) == 0 || errno == ENOENT) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      kill_all();
    }
  }

  // The child writes "0" here to move itself into the cgroup before it execs.
  int procs_fd() const { return procs_.get(); }
  const std::string& dir() const { return dir_; }

  std::vector<pid_t> members() const {
    std::vector<pid_t> pids;
    std::ifstream in(dir_ + "/cgroup.procs");
    pid_t pid;
    while (in >> pid) pids.push_back(pid);
    return pids;
  }

  // SIGKILL to every member: this reaches processes that left the process group (setsid).
  void kill_all() const {
    if (version_ == 2 && write_small_file(dir_ + "/cgroup.kill", "1")) return;
    for (pid_t pid : members()) ::kill(pid, SIGKILL);
  }

  // Kills until the cgroup is empty or `timeout` has passed; true when empty.
  bool kill_until_empty(std::chrono::milliseconds timeout) const {
    const auto until = Clock::now() + timeout;
    while (true) {
      if (members().empty()) return true;
      if (Clock::now() >= until) return false;
      kill_all();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  // pids.events counts the forks refused at pids.max ("max N").
  bool limit_hit() const {
    auto events = read_small_file(dir_ + "/pids.events");
    if (!events) return false;
    const auto at = events->find("max ");
    return at != std::string::npos && std::strtol(events->c_str() + at + 4, nullptr, 10) > 0;
  }

 private:
  RunCgroup(std::string dir, int version) : dir_(std::move(dir)), version_(version) {}
  std::string dir_;
  int version_;
  UniqueFd procs_;
};

// ---------------------------------------------------------------------------------------------
// Directories

// Removes everything below the directory open at `dir_fd` (taken over and closed) with
// fd-relative calls that never follow a symlink, so a candidate cannot redirect the removal.
bool remove_contents(int dir_fd, int depth) {
  DIR* dir = ::fdopendir(dir_fd);
  if (!dir) {
    ::close(dir_fd);
    return false;
  }
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  bool ok = true;
  const int fd = ::dirfd(dir);
  for (const std::string& name : names) {
    if (::unlinkat(fd, name.c_str(), 0) == 0 || errno == ENOENT) continue;
    if ((errno != EISDIR && errno != EPERM) || depth > 256) {
      ok = false;
      continue;
    }
    int sub = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0 && errno == EACCES) {  // a candidate of our own uid made it unreadable
      ::fchmodat(fd, name.c_str(), 0700, 0);
      sub = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (sub < 0) {
      ok = false;
      continue;
    }
    ok = remove_contents(sub, depth + 1) && ok;
    if (::unlinkat(fd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) ok = false;
  }
  ::closedir(dir);
  return ok;
}

bool remove_tree(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT;
  const bool ok = remove_contents(fd, 0);
  return (::rmdir(path.c_str()) == 0 || errno == ENOENT) && ok;
}

// RUN (ours, 0711: the candidate may pass through but not create "../x") and RUN/work (the
// candidate's, 0700). The destructor removes both.
class RunDirectories {
 public:
  // Empty `error()` on success.
  RunDirectories(std::optional<std::pair<uid_t, gid_t>> owner) {
    const char* tmpdir = std::getenv("TMPDIR");
    std::string base = (tmpdir && tmpdir[0] == '/') ? tmpdir : "/tmp";
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    std::string pattern = base + "/topospec-run-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
      error_ = "cannot create a temporary directory in " + base + ": " + errno_text(errno);
      return;
    }
    root_ = pattern;
    work_ = root_ + "/work";
    if (::chmod(root_.c_str(), 0711) != 0 || ::mkdir(work_.c_str(), 0700) != 0) {
      error_ = "cannot prepare " + work_ + ": " + errno_text(errno);
      return;
    }
    if (owner && ::chown(work_.c_str(), owner->first, owner->second) != 0) {
      error_ = "cannot hand " + work_ + " to uid " + std::to_string(owner->first) + ": " +
               errno_text(errno);
    }
  }
  RunDirectories(const RunDirectories&) = delete;
  RunDirectories& operator=(const RunDirectories&) = delete;
  ~RunDirectories() { remove(); }

  bool remove() {
    if (root_.empty()) return true;
    const bool ok = remove_tree(root_);
    if (ok) root_.clear();
    return ok;
  }
  const std::string& error() const { return error_; }
  const std::string& work() const { return work_; }

 private:
  std::string root_, work_, error_;
};

// ---------------------------------------------------------------------------------------------
// Who the candidate runs as

struct Identity {
  bool drop = false;  // we are root: run the candidate as `user`
  uid_t uid = 0;
  gid_t gid = 0;
  std::string user;
  std::string kept_because;  // root but not dropped: a path of the command `user` cannot reach
};

// The first absolute path in `command` that an unprivileged user could not use: a directory on
// the way without o+x, or a file with neither o+r nor o+x (e.g. a checkout under a 0700 mktemp
// directory). Tokens are split on whitespace and quotes; paths that do not exist are ignored.
std::optional<std::string> path_closed_to_others(const std::string& command) {
  std::string token;
  const auto check = [](const std::string& path) -> bool {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return true;  // not a path we can judge
    if ((st.st_mode & (S_IROTH | S_IXOTH)) == 0) return false;
    for (auto p = std::filesystem::path(path).parent_path(); !p.empty() && p != p.root_path();
         p = p.parent_path())
      if (::stat(p.c_str(), &st) == 0 && (st.st_mode & S_IXOTH) == 0) return false;
    return true;
  };
  for (std::size_t i = 0; i <= command.size(); ++i) {
    const char ch = i < command.size() ? command[i] : ' ';
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\'' || ch == '"' || ch == ';') {
      if (token.size() > 1 && token[0] == '/' && !check(token)) return token;
      token.clear();
    } else {
      token += ch;
    }
  }
  return std::nullopt;
}

Identity candidate_identity(const std::string& command) {
  Identity id;
  id.uid = ::geteuid();
  id.gid = ::getegid();
  if (id.uid != 0) return id;
  if (auto closed = path_closed_to_others(command)) {
    id.kept_because = *closed;  // dropping to nobody would only make the candidate unrunnable
    return id;
  }
  id.drop = true;
  id.uid = 65534;
  id.gid = 65534;
  id.user = "nobody";
  passwd entry{};
  passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getpwnam_r("nobody", &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
      found->pw_uid != 0) {
    id.uid = found->pw_uid;
    id.gid = found->pw_gid;
  }
  return id;
}

// ---------------------------------------------------------------------------------------------
// The child (between fork and exec: async-signal-safe calls only, no allocation)

enum class ChildStage : int {
  Setsid,
  JoinCgroup,
  Limits,
  Chdir,
  DropPrivileges,
  Prctl,
  Descriptors,
  Exec
};

const char* stage_text(ChildStage stage) {
  switch (stage) {
    case ChildStage::Setsid:
      return "setsid";
    case ChildStage::JoinCgroup:
      return "joining the pids cgroup";
    case ChildStage::Limits:
      return "setrlimit";
    case ChildStage::Chdir:
      return "entering the working directory";
    case ChildStage::DropPrivileges:
      return "dropping privileges";
    case ChildStage::Prctl:
      return "prctl";
    case ChildStage::Descriptors:
      return "setting up descriptors";
    case ChildStage::Exec:
      return "exec /bin/sh";
  }
  return "?";
}

struct ChildFailure {
  int stage;
  int err;
};

// The type setrlimit() takes: an enum in glibc's C++ headers, int elsewhere.
using RlimitResource = decltype(RLIMIT_CPU);

struct ChildRlimit {
  RlimitResource resource;
  rlimit value;
};

struct ChildPlan {
  char* const* argv = nullptr;
  char* const* envp = nullptr;
  const char* work_dir = nullptr;
  int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1, report_fd = -1, cgroup_procs_fd = -1;
  const ChildRlimit* limits = nullptr;
  int limit_count = 0;
  Identity const* identity = nullptr;
  pid_t parent = 0;
};

void close_descriptors_from(unsigned first, unsigned last) {
  if (first > last) return;
#ifdef SYS_close_range
  if (::syscall(SYS_close_range, first, last, 0) == 0) return;
#endif
  // Old kernel: close one by one up to the descriptor limit.
  rlimit nofile{};
  ::getrlimit(RLIMIT_NOFILE, &nofile);
  const unsigned top = std::min<rlim_t>({last, nofile.rlim_cur, 1u << 20});
  for (unsigned fd = first; fd <= top; ++fd) ::close(static_cast<int>(fd));
}

[[noreturn]] void child_fail(const ChildPlan& plan, ChildStage stage) {
  const ChildFailure failure{static_cast<int>(stage), errno};
  [[maybe_unused]] ssize_t n = ::write(plan.report_fd, &failure, sizeof failure);
  ::_exit(127);
}

[[noreturn]] void run_child(const ChildPlan& plan) {
  // Signal state survives exec: give the candidate default dispositions and an empty mask.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &default_action, nullptr);
  sigset_t empty;
  ::sigemptyset(&empty);
  ::sigprocmask(SIG_SETMASK, &empty, nullptr);

  if (::setsid() < 0) child_fail(plan, ChildStage::Setsid);
  if (plan.cgroup_procs_fd >= 0 && ::write(plan.cgroup_procs_fd, "0", 1) != 1) {
    child_fail(plan, ChildStage::JoinCgroup);
  }
  for (int i = 0; i < plan.limit_count; ++i) {
    if (::setrlimit(plan.limits[i].resource, &plan.limits[i].value) != 0) {
      child_fail(plan, ChildStage::Limits);
    }
  }
  if (::chdir(plan.work_dir) != 0) child_fail(plan, ChildStage::Chdir);
  if (plan.identity->drop) {
    if (::setgroups(0, nullptr) != 0 || ::setgid(plan.identity->gid) != 0 ||
        ::setuid(plan.identity->uid) != 0) {
      child_fail(plan, ChildStage::DropPrivileges);
    }
    if (::setuid(0) == 0) {  // paranoia: the drop must be irreversible
      errno = EPERM;
      child_fail(plan, ChildStage::DropPrivileges);
    }
  }
  // No setuid binary may give root back; die with the thread that runs us (set after the uid
  // change, which clears the parent-death signal).
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) {
    child_fail(plan, ChildStage::Prctl);
  }
  if (::getppid() != plan.parent) ::_exit(127);  // the parent is already gone

  // Move the pipe ends above 2 first, so that dup2 never meets an fd that is already 0..2.
  const int in = ::fcntl(plan.stdin_fd, F_DUPFD_CLOEXEC, 3);
  const int out = ::fcntl(plan.stdout_fd, F_DUPFD_CLOEXEC, 3);
  const int err = ::fcntl(plan.stderr_fd, F_DUPFD_CLOEXEC, 3);
  if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) != 0 || ::dup2(out, 1) != 1 ||
      ::dup2(err, 2) != 2) {
    child_fail(plan, ChildStage::Descriptors);
  }
  // Everything else goes, inherited or not; the report pipe closes itself at exec.
  const unsigned report = static_cast<unsigned>(plan.report_fd);
  close_descriptors_from(3, report - 1);
  close_descriptors_from(report + 1, ~0u);

  ::execve("/bin/sh", plan.argv, plan.envp);
  child_fail(plan, ChildStage::Exec);
}

// ---------------------------------------------------------------------------------------------
// Parent side

rlim_t clamp_to_hard(RlimitResource resource, rlim_t wanted) {
  rlimit current{};
  if (::getrlimit(resource, &current) != 0) return wanted;
  return (current.rlim_max != RLIM_INFINITY && wanted > current.rlim_max) ? current.rlim_max
                                                                          : wanted;
}

// SIGPIPE on a stdin write to a candidate that closed its stdin would kill us: block it in this
// thread for the run (writes then fail with EPIPE) and discard the pending one afterwards.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigset_t pipe_set;
    ::sigemptyset(&pipe_set);
    ::sigaddset(&pipe_set, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_set, &previous_);
    was_blocked_ = ::sigismember(&previous_, SIGPIPE) == 1;
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;
  ~SigpipeGuard() {
    if (!was_blocked_) {
      sigset_t pipe_set, pending;
      ::sigemptyset(&pipe_set);
      ::sigaddset(&pipe_set, SIGPIPE);
      const timespec zero{0, 0};
      while (::sigpending(&pending) == 0 && ::sigismember(&pending, SIGPIPE) == 1 &&
             ::sigtimedwait(&pipe_set, nullptr, &zero) == SIGPIPE) {
      }
    }
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }

 private:
  sigset_t previous_{};
  bool was_blocked_ = false;
};

bool contains_any(std::string_view text, std::span<const std::string_view> needles,
                  std::string_view* which = nullptr) {
  for (std::string_view needle : needles) {
    if (text.find(needle) != std::string_view::npos) {
      if (which) *which = needle;
      return true;
    }
  }
  return false;
}

// What runtimes print when an allocation fails (Python, C++, glibc, Rust, Go, Java, shells).
constexpr std::string_view kMemoryMessages[] = {
    "MemoryError",        "std::bad_alloc",       "Cannot allocate memory", "out of memory",
    "Out of memory",      "memory allocation of", "memory exhausted",       "OutOfMemoryError",
    "failed to allocate", "Failed to allocate"};

// What shells and runtimes print when fork() fails (used when no cgroup counts it for us).
constexpr std::string_view kForkMessages[] = {
    "Cannot fork", "can't fork",      "fork: Resource temporarily unavailable",
    "fork: retry", "BlockingIOError", "fork failed"};

void append_tail(std::string& tail, const char* data, std::size_t n, std::size_t keep) {
  tail.append(data, n);
  // Trim in batches: the tail buffer stays below 2 × keep + one read.
  if (tail.size() > 2 * keep + 65536) tail.erase(0, tail.size() - keep);
}

// Reads what the non-blocking `fd` has into `sink` (which returns false to stop), at most 16
// buffers, so that a fast writer cannot keep us from the deadline. False at EOF or error.
template <typename Sink>
bool drain(int fd, std::vector<char>& buffer, Sink sink) {
  for (int reads = 0; reads < 16; ++reads) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      if (!sink(buffer.data(), static_cast<std::size_t>(n))) return true;
      continue;
    }
    return n < 0 && (errno == EAGAIN || errno == EINTR);
  }
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string to_string(RunStatus status) {
  switch (status) {
    case RunStatus::Ok:
      return "ok";
    case RunStatus::NonZeroExit:
      return "nonzero_exit";
    case RunStatus::Signaled:
      return "signaled";
    case RunStatus::WallTimeout:
      return "wall_timeout";
    case RunStatus::CpuLimit:
      return "cpu_limit";
    case RunStatus::MemoryLimit:
      return "memory_limit";
    case RunStatus::OutputLimit:
      return "output_limit";
    case RunStatus::SpawnFailed:
      return "spawn_failed";
  }
  return "unknown";
}

std::string RunResult::summary() const {
  std::string text;
  switch (status) {
    case RunStatus::Ok:
      text = "exit status 0";
      break;
    case RunStatus::NonZeroExit:
      text = exit_code >= 0 ? "exit status " + std::to_string(exit_code) : "exit status unknown";
      if (exit_code == 127) text += " (command not found)";
      if (exit_code == 126) text += " (command not executable)";
      if (!detail.empty()) text += " (" + detail + ")";
      break;
    case RunStatus::Signaled:
      text = "killed by signal " + std::to_string(signal) + " (" + signal_name(signal) + ")";
      if (exit_code >= 0) text += ", reported by sh as exit status " + std::to_string(exit_code);
      break;
    case RunStatus::WallTimeout:
      text = "killed after " + format_seconds(limits.wall_seconds) + " s wall-clock limit";
      break;
    case RunStatus::CpuLimit:
      text = "killed after " + format_seconds(std::ceil(limits.cpu_seconds)) + " s CPU time limit";
      break;
    case RunStatus::MemoryLimit:
      text = "out of memory under the " + format_bytes(limits.memory_bytes) + " limit";
      if (!detail.empty()) text += " (" + detail + ")";
      break;
    case RunStatus::OutputLimit:
      text = "stdout exceeded " + format_bytes(limits.output_bytes) + "; killed";
      break;
    case RunStatus::SpawnFailed:
      text = "could not start: " + detail;
      break;
  }
  if (process_limit_hit) {
    text += "; process limit (" + std::to_string(limits.max_processes) + ") reached";
  }
  return text;
}

std::string isolation_summary(const std::string& command) {
  std::string text;
  const auto& site = cgroup_site();
  text = site
             ? "cgroup v" + std::to_string(site->version) + " pids limit (" + site->parent_dir + ")"
             : "RLIMIT_NPROC (no writable pids cgroup)";
  const Identity id = candidate_identity(command);
  text += id.drop ? "; runs as uid " + std::to_string(id.uid) + " (" + id.user + ")"
                  : "; runs as our uid " + std::to_string(id.uid);
  if (!id.kept_because.empty())
    text += " (not dropped: " + id.kept_because + " is not accessible to other users)";
  text += "; new session, process group killed at the end";
  return text;
}

RunResult run_candidate(const std::string& command, const std::string& stdin_data,
                        const RunLimits& limits) {
  if (!(limits.wall_seconds > 0) || !std::isfinite(limits.wall_seconds)) {
    throw InvalidInput("wall_seconds", "must be a positive number of seconds");
  }
  if (!(limits.cpu_seconds >= 0) || !std::isfinite(limits.cpu_seconds)) {
    throw InvalidInput("cpu_seconds", "must be >= 0 (0: no limit)");
  }
  if (limits.max_processes < 1) throw InvalidInput("max_processes", "must be at least 1");

  RunResult result;
  result.limits = limits;
  const auto start = Clock::now();
  const auto finish = [&](RunResult& r) -> RunResult& {
    r.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return r;
  };
  auto spawn_failed = [&](std::string why) {
    result.status = RunStatus::SpawnFailed;
    result.detail = std::move(why);
    return finish(result);
  };

  // Isolation resources, created before fork (the child may not allocate).
  const Identity identity = candidate_identity(command);
  RunDirectories dirs(identity.drop ? std::optional(std::pair(identity.uid, identity.gid))
                                    : std::nullopt);
  if (!dirs.error().empty()) return spawn_failed(dirs.error());
  result.work_dir = dirs.work();
  std::unique_ptr<RunCgroup> cgroup;
  if (cgroup_site()) cgroup = RunCgroup::create(*cgroup_site(), limits.max_processes);

  std::vector<ChildRlimit> rlimits;
  auto add_limit = [&](RlimitResource resource, rlim_t soft, rlim_t hard) {
    hard = clamp_to_hard(resource, hard);
    rlimits.push_back({resource, {std::min(soft, hard), hard}});
  };
  if (limits.cpu_seconds > 0) {
    // SIGXCPU at the soft limit, SIGKILL one second later for a candidate that ignores it.
    const auto cpu = static_cast<rlim_t>(std::ceil(limits.cpu_seconds));
    add_limit(RLIMIT_CPU, cpu, cpu + 1);
  }
  if (limits.memory_bytes > 0) add_limit(RLIMIT_AS, limits.memory_bytes, limits.memory_bytes);
  if (limits.file_bytes > 0) add_limit(RLIMIT_FSIZE, limits.file_bytes, limits.file_bytes);
  add_limit(RLIMIT_CORE, 0, 0);
  if (!cgroup) {
    // The kernel counts RLIMIT_NPROC over all tasks of the uid, so allow what it already has.
    const auto nproc = static_cast<rlim_t>(count_tasks_of_uid(identity.uid) + limits.max_processes);
    add_limit(RLIMIT_NPROC, nproc, nproc);
  }

  std::string home = "HOME=" + dirs.work(), tmpdir = "TMPDIR=" + dirs.work();
  std::string path = "PATH=/usr/local/bin:/usr/bin:/bin", lang = "LANG=C.UTF-8";
  char* envp[] = {path.data(), home.data(), lang.data(), tmpdir.data(), nullptr};
  std::string sh = "sh", dash_c = "-c", command_copy = command;
  char* argv[] = {sh.data(), dash_c.data(), command_copy.data(), nullptr};

  UniqueFd stdin_r, stdin_w, stdout_r, stdout_w, stderr_r, stderr_w, report_r, report_w;
  if (!make_pipe(stdin_r, stdin_w) || !make_pipe(stdout_r, stdout_w) ||
      !make_pipe(stderr_r, stderr_w) || !make_pipe(report_r, report_w)) {
    return spawn_failed("cannot create pipes: " + errno_text(errno));
  }

  ChildPlan plan;
  plan.argv = argv;
  plan.envp = envp;
  plan.work_dir = dirs.work().c_str();
  plan.stdin_fd = stdin_r.get();
  plan.stdout_fd = stdout_w.get();
  plan.stderr_fd = stderr_w.get();
  plan.report_fd = report_w.get();
  plan.cgroup_procs_fd = cgroup ? cgroup->procs_fd() : -1;
  plan.limits = rlimits.data();
  plan.limit_count = static_cast<int>(rlimits.size());
  plan.identity = &identity;
  plan.parent = ::getpid();

  SigpipeGuard sigpipe_guard;
  const pid_t pid = ::fork();
  if (pid < 0) return spawn_failed("fork: " + errno_text(errno));
  if (pid == 0) run_child(plan);
  result.pid = pid;

  stdin_r.reset();
  stdout_w.reset();
  stderr_w.reset();
  report_w.reset();

  // Every process of the run: the group, and through the cgroup those that left it.
  auto kill_everything = [&] {
    ::kill(-pid, SIGKILL);
    if (cgroup) cgroup->kill_all();
  };
  auto reap = [&](int& status, rusage& usage) {
    while (::wait4(pid, &status, 0, &usage) < 0) {
      if (errno != EINTR) {  // ECHILD: the caller ignores SIGCHLD, the status is lost
        status = -1;
        return;
      }
    }
  };
  auto wait_until_gone = [&] {
    if (cgroup) cgroup->kill_until_empty(std::chrono::milliseconds(2000));
    for (int attempt = 0; attempt < 200 && group_alive(pid); ++attempt) {
      ::kill(-pid, SIGKILL);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  };

  // The child reports a failure before exec on the report pipe; EOF means exec succeeded.
  ChildFailure failure{};
  ssize_t got;
  while ((got = ::read(report_r.get(), &failure, sizeof failure)) < 0 && errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof failure)) {
    kill_everything();
    int status;
    rusage usage{};
    reap(status, usage);
    wait_until_gone();
    return spawn_failed(std::string(stage_text(static_cast<ChildStage>(failure.stage))) + ": " +
                        errno_text(failure.err));
  }
  report_r.reset();

  // A pidfd tells us when the child exits even while an orphan still holds its pipes open.
  UniqueFd child_fd;
#ifdef SYS_pidfd_open
  child_fd = UniqueFd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
#endif

  if (stdin_data.empty()) {
    stdin_w.reset();
  } else {
    set_nonblocking(stdin_w.get());
  }
  set_nonblocking(stdout_r.get());
  set_nonblocking(stderr_r.get());

  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(limits.wall_seconds));
  enum class Killed { No, Wall, Output } killed = Killed::No;
  bool exited = false;
  auto drain_until = Clock::time_point::max();
  std::size_t stdin_written = 0;
  std::vector<char> buffer(1 << 16);

  auto child_has_exited = [&] {  // without a pidfd: peek, leaving the zombie to reap below
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
           info.si_pid == pid;
  };
  auto on_exit = [&] {
    exited = true;
    // Orphans must not survive, and killing them releases pipes they inherited. What the
    // child wrote is already in the pipes; read it for a short grace period.
    kill_everything();
    drain_until = Clock::now() + std::chrono::milliseconds(500);
  };

  while (killed == Killed::No) {
    if (exited && !stdout_r.valid() && !stderr_r.valid()) break;
    const auto now = Clock::now();
    if (exited ? now >= drain_until : now >= deadline) {
      if (!exited) killed = Killed::Wall;
      break;
    }
    pollfd fds[4];
    int count = 0, in_at = -1, out_at = -1, err_at = -1, child_at = -1;
    if (stdin_w.valid()) {
      in_at = count;
      fds[count++] = {stdin_w.get(), POLLOUT, 0};
    }
    if (stdout_r.valid()) {
      out_at = count;
      fds[count++] = {stdout_r.get(), POLLIN, 0};
    }
    if (stderr_r.valid()) {
      err_at = count;
      fds[count++] = {stderr_r.get(), POLLIN, 0};
    }
    if (!exited && child_fd.valid()) {
      child_at = count;
      fds[count++] = {child_fd.get(), POLLIN, 0};
    }
    auto wait =
        std::chrono::ceil<std::chrono::milliseconds>((exited ? drain_until : deadline) - now);
    if (!exited && !child_fd.valid()) wait = std::min(wait, std::chrono::milliseconds(20));
    wait = std::clamp(wait, std::chrono::milliseconds(1), std::chrono::milliseconds(60000));
    const int ready = ::poll(fds, static_cast<nfds_t>(count), static_cast<int>(wait.count()));
    if (ready < 0 && errno != EINTR) break;

    if (in_at >= 0 && fds[in_at].revents) {
      const ssize_t n = ::write(stdin_w.get(), stdin_data.data() + stdin_written,
                                std::min<std::size_t>(stdin_data.size() - stdin_written, 65536));
      if (n > 0) stdin_written += static_cast<std::size_t>(n);
      // EPIPE/EBADF: the candidate does not want (more) input; that is its business.
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || stdin_written == stdin_data.size()) {
        stdin_w.reset();  // EOF for the candidate
      }
    }
    if (out_at >= 0 && fds[out_at].revents) {
      const bool open = drain(stdout_r.get(), buffer, [&](const char* data, std::size_t n) {
        const std::size_t room = limits.output_bytes - result.stdout_data.size();
        result.stdout_data.append(data, std::min(room, n));
        if (n <= room) return true;
        killed = Killed::Output;
        return false;
      });
      if (!open) stdout_r.reset();
    }
    if (err_at >= 0 && fds[err_at].revents) {
      const bool open = drain(stderr_r.get(), buffer, [&](const char* data, std::size_t n) {
        append_tail(result.stderr_tail, data, n, limits.stderr_tail_bytes);
        return true;
      });
      if (!open) stderr_r.reset();
    }
    if (!exited &&
        ((child_at >= 0 && fds[child_at].revents) || (!child_fd.valid() && child_has_exited()))) {
      on_exit();
    }
  }

  kill_everything();
  stdin_w.reset();
  stdout_r.reset();
  stderr_r.reset();
  int status = 0;
  rusage usage{};
  reap(status, usage);
  wait_until_gone();
  finish(result);

  if (result.stderr_tail.size() > limits.stderr_tail_bytes) {
    std::size_t cut = result.stderr_tail.size() - limits.stderr_tail_bytes;
    // Do not start the tail in the middle of a UTF-8 sequence.
    while (cut < result.stderr_tail.size() && (result.stderr_tail[cut] & 0xC0) == 0x80) ++cut;
    result.stderr_tail.erase(0, cut);
  }
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  result.process_limit_hit =
      cgroup ? cgroup->limit_hit() : contains_any(result.stderr_tail, kForkMessages);

  // Classification.
  if (status != -1 && WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (status != -1 && WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  // sh reports a command killed by signal n as exit status 128 + n.
  const int shell_signal =
      (result.exit_code > 128 && result.exit_code < 128 + NSIG) ? result.exit_code - 128 : 0;
  const int death_signal = result.signal ? result.signal : shell_signal;
  const rlim_t cpu_soft =
      limits.cpu_seconds > 0 ? static_cast<rlim_t>(std::ceil(limits.cpu_seconds)) : RLIM_INFINITY;
  std::string_view memory_evidence;

  if (killed == Killed::Wall) {
    result.status = RunStatus::WallTimeout;
    result.signal = SIGKILL;
  } else if (killed == Killed::Output) {
    result.status = RunStatus::OutputLimit;
    result.signal = SIGKILL;
  } else if (status == -1) {
    result.status = RunStatus::NonZeroExit;
    result.detail = "exit status lost (SIGCHLD is ignored in this process)";
  } else if (death_signal == SIGXCPU || (death_signal == SIGKILL && cpu_soft != RLIM_INFINITY &&
                                         result.cpu_seconds >= static_cast<double>(cpu_soft))) {
    result.status = RunStatus::CpuLimit;
    result.signal = death_signal;
  } else if (result.exit_code == 0) {
    result.status = RunStatus::Ok;
  } else if (limits.memory_bytes > 0 &&
             contains_any(result.stderr_tail, kMemoryMessages, &memory_evidence)) {
    result.status = RunStatus::MemoryLimit;
    result.detail = "stderr says \"" + std::string(memory_evidence) + "\"; " +
                    (death_signal ? "killed by " + signal_name(death_signal)
                                  : "exit status " + std::to_string(result.exit_code));
  } else if (death_signal) {
    result.status = RunStatus::Signaled;
    result.signal = death_signal;
  } else {
    result.status = RunStatus::NonZeroExit;
  }
  if (!dirs.remove() && result.detail.empty()) {
    result.detail = "could not remove " + dirs.work();
  }
  return result;
}

}  // namespace topospec::verify
