// Runs a program with given stdin, capturing stdout, stderr and the exit status (posix_spawn;
// pipes drained with poll so that large outputs cannot deadlock).
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace topospec::test {

struct ProcessResult {
  int status = -1;  // exit code; 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

inline ProcessResult run_process(const std::vector<std::string>& argv,
                                 const std::string& input = "", const std::string& cwd = "") {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
    posix_spawn_file_actions_addclose(&actions, fd);
  std::vector<std::string> args = argv;
  if (!cwd.empty()) {  // run through /bin/sh so that the working directory can be set
    std::string cmd = "cd '" + cwd + "' && exec";
    for (const std::string& a : argv) cmd += " '" + a + "'";
    args = {"/bin/sh", "-c", cmd};
  }
  std::vector<char*> cargs;
  for (std::string& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, cargs[0], &actions, nullptr, cargs.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("posix_spawn failed for " + args[0]);
  }
  std::signal(SIGPIPE, SIG_IGN);  // the child may exit before reading all of its stdin
  ProcessResult r;
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) close(in_fd), in_fd = -1;
  int out_fd = out_pipe[0], err_fd = err_pipe[0];
  char buf[65536];
  while (out_fd >= 0 || err_fd >= 0 || in_fd >= 0) {
    pollfd fds[3] = {{in_fd, POLLOUT, 0}, {out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in_fd >= 0 && fds[0].revents) {
      const ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n <= 0 || written == input.size()) close(in_fd), in_fd = -1;
    }
    for (int k : {1, 2}) {
      int& fd = k == 1 ? out_fd : err_fd;
      if (fd < 0 || !fds[k].revents) continue;
      const ssize_t n = read(fd, buf, sizeof buf);
      if (n > 0)
        (k == 1 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
      else
        close(fd), fd = -1;
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

}  // namespace topospec::test
