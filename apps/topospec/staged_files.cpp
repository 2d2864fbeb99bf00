#include "staged_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "topospec/topology/error.hpp"

namespace topospec::cli {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& target, const std::string& what) {
  throw InvalidInput(target.string(), what + ": " + std::strerror(errno));
}

// The file that a rename must replace to write "through" `target`: its symbolic links followed
// one by one (not canonicalised, so a dangling last link still names the file to create).
fs::path resolve_links(const fs::path& target) {
  fs::path p = target;
  for (int hops = 0;; ++hops) {
    struct stat st = {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    if (hops == 40) {  // as the kernel's limit: a cycle of links
      errno = ELOOP;
      fail(target, "cannot follow the symbolic link");
    }
    std::error_code ec;
    const fs::path link = fs::read_symlink(p, ec);
    if (ec) {
      errno = ec.value();
      fail(target, "cannot follow the symbolic link");
    }
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
}

// Writes all of `content`; false with errno set on a write error.
bool write_all(int fd, const std::string& content) {
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

// A device or FIFO is written in place. SIGPIPE is ignored meanwhile, so that a FIFO whose
// reader has gone is an error message ("Broken pipe"), not a silent death.
void write_directly(const fs::path& target, const std::string& content) {
  struct sigaction ignore = {};
  struct sigaction old = {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGPIPE, &ignore, &old);
  const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  bool ok = fd >= 0 && write_all(fd, content);
  int err = errno;
  if (fd >= 0 && ::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  ::sigaction(SIGPIPE, &old, nullptr);
  if (!ok) {
    errno = err;
    fail(target, fd < 0 ? "cannot open for writing" : "cannot write");
  }
}

}  // namespace

StagedFiles::~StagedFiles() {
  for (const Staged& s : staged_)
    if (!s.temp.empty()) ::unlink(s.temp.c_str());
}

void StagedFiles::stage(const fs::path& target, const std::string& content) {
  struct stat st = {};
  if (::stat(target.c_str(), &st) == 0) {  // follows links: what a write would reach
    if (S_ISDIR(st.st_mode)) throw InvalidInput(target.string(), "is a directory, not a file");
    if (!S_ISREG(st.st_mode)) {  // no rename can replace a device or a FIFO
      staged_.push_back({{}, {}, target, content});
      return;
    }
  }
  const fs::path file = resolve_links(target);
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  // Same directory as the file, so that rename() is atomic (no cross-device copy).
  std::string temp_name = file.filename().string();
  temp_name.insert(temp_name.begin(),
                   '.');  // hidden; (not "." + s: GCC 12 -Wrestrict false positive)
  temp_name += ".tmpXXXXXX";
  std::string name = (dir / temp_name).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail(target, "cannot create a file in " + dir.string());
  staged_.push_back({name, file, target, {}});
  // mkstemp creates mode 0600; an output file gets the usual 0666 & ~umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (!write_all(fd, content)) {
    const int err = errno;
    ::close(fd);
    errno = err;
    fail(target, "cannot write");
  }
  if (::close(fd) != 0) fail(target, "cannot write");
}

void StagedFiles::commit() {
  // Direct writes first: they are the ones that can still fail, and then no file is renamed.
  for (const Staged& s : staged_)
    if (s.temp.empty()) write_directly(s.target, s.content);
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    if (staged_[i].temp.empty()) continue;
    if (::rename(staged_[i].temp.c_str(), staged_[i].resolved.c_str()) != 0) {
      const int err = errno;
      staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(i));
      errno = err;
      fail(staged_.front().target, "cannot rename the finished file into place");
    }
  }
  staged_.clear();
}

}  // namespace topospec::cli
