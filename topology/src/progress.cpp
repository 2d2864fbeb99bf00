#include "topospec/topology/progress.hpp"

#include "topospec/topology/error.hpp"

namespace topospec {

void report_progress(const Progress& progress, std::string_view stage, std::size_t done,
                     std::size_t total) {
  if (progress && !progress(stage, done, total)) throw Error("computation cancelled");
}

}  // namespace topospec
