// Output files that appear completely or not at all: each file is first written to a temporary
// file in its target directory, and only commit() renames them into place. Until then (or when
// anything fails) the temporary files are removed, so an error never leaves a partial output.
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

  // Writes `content` to a temporary file next to `target`. Throws InvalidInput (where = the
  // target path) when the file cannot be created or written.
  void stage(const std::filesystem::path& target, const std::string& content);
  // Renames every staged file onto its target.
  void commit();

 private:
  struct Staged {
    std::filesystem::path temp, target;
  };
  std::vector<Staged> staged_;
};

}  // namespace topospec::cli
