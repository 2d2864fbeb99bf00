#include "staged_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "topospec/topology/error.hpp"

namespace topospec::cli {
namespace {

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& what) {
  throw InvalidInput(target.string(), what + ": " + std::strerror(errno));
}

}  // namespace

StagedFiles::~StagedFiles() {
  for (const Staged& s : staged_) ::unlink(s.temp.c_str());
}

void StagedFiles::stage(const std::filesystem::path& target, const std::string& content) {
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // Same directory as the target, so that rename() is atomic (no cross-device copy).
  std::string temp_name = target.filename().string();
  temp_name.insert(temp_name.begin(),
                   '.');  // hidden; (not "." + s: GCC 12 -Wrestrict false positive)
  temp_name += ".tmpXXXXXX";
  std::string name = (dir / temp_name).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail(target, "cannot create a file in " + dir.string());
  staged_.push_back({name, target});
  // mkstemp creates mode 0600; an output file gets the usual 0666 & ~umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = errno;
      ::close(fd);
      errno = err;
      fail(target, "cannot write");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail(target, "cannot write");
}

void StagedFiles::commit() {
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    if (::rename(staged_[i].temp.c_str(), staged_[i].target.c_str()) != 0) {
      const int err = errno;
      staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(i));
      errno = err;
      fail(staged_.front().target, "cannot rename the finished file into place");
    }
  }
  staged_.clear();
}

}  // namespace topospec::cli
