// Output files that appear completely or not at all: each file is first written to a temporary
// file in its target directory, and only commit() renames them into place. Until then (or when
// anything fails) the temporary files are removed, so an error never leaves a partial output.
//
// A symbolic link at the target is followed (the finished file replaces the link's final target,
// which may not exist yet, and the link stays). An existing target that is not a regular file (a
// device such as /dev/null, a FIFO) cannot be replaced by a rename: it is written directly at
// commit(), before any rename, so that its write error still leaves no regular file behind.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace topospec::cli {

class StagedFiles {
 public:
  StagedFiles() = default;
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;
  ~StagedFiles();  // removes whatever was staged and not committed

  // Writes `content` to a temporary file next to `target` (or keeps it for a direct write).
  // Throws InvalidInput (where = the target path) when the file cannot be created or written,
  // or when the target is a directory.
  void stage(const std::filesystem::path& target, const std::string& content);
  // Writes the direct targets, then renames every staged file onto its target. Throws
  // InvalidInput (where = the target path) on a write error, e.g. "No space left on device".
  void commit();

 private:
  struct Staged {
    std::filesystem::path temp;      // empty for a direct write
    std::filesystem::path resolved;  // the file the rename replaces (symbolic links followed)
    std::filesystem::path target;    // as given, for messages
    std::string content;             // direct writes only
  };
  std::vector<Staged> staged_;
};

}  // namespace topospec::cli
