// uofa-bench-load RULES_DIR audit|examples: loads and compiles every pack under RULES_DIR once,
// as `uofa check` does (audit: the rules' examples are not read) or as `uofa lint` and `uofa
// test` do (examples: built into records too), and prints the time it took inside the process:
//
//   load 14.210 ms wall, 18.902 ms CPU, 106 rules
//
// The figure of RESULTS.md's target "loading and compiling all packs": tests/bench/run runs this
// several times (each a new process, the cache of parsed rule files warm, as a user's would be)
// and takes the median. Starting the process is measured apart, by `uofa --version`.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include "engine/pack/pack_loader.h"

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[2] : "";
  if (mode != "audit" && mode != "examples") {
    std::fprintf(stderr, "usage: uofa-bench-load RULES_DIR audit|examples\n");
    return 2;
  }
  uofa::LoadOptions options;
  options.rules_root = argv[1];
  options.read_examples = mode == "examples";
  uofa::Diagnostics diagnostics;
  const std::clock_t cpu_start = std::clock();
  const auto wall_start = std::chrono::steady_clock::now();
  std::unique_ptr<uofa::PackSet> packs = uofa::LoadPacks(options, diagnostics);
  const std::chrono::duration<double, std::milli> wall =
      std::chrono::steady_clock::now() - wall_start;
  const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  if (packs == nullptr) {
    std::fprintf(stderr, "%s", diagnostics.Format().c_str());
    return 1;
  }
  std::size_t rules = 0;
  for (const auto& pack : packs->packs) rules += pack->rules.size();
  std::printf("load %.3f ms wall, %.3f ms CPU, %zu rules\n", wall.count(), cpu_ms, rules);
  return 0;
}
