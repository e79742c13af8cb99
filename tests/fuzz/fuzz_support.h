// Shared by the fuzz harnesses: the real record schemas and code lists (rules/), loaded once.
#ifndef UOFA_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define UOFA_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "engine/pack/pack_loader.h"
#include "engine/sources/record_source.h"

namespace uofa::fuzz {

inline std::string RulesRoot() { return std::string(UOFA_SOURCE_DIR) + "/rules"; }

/// Every pack of rules/, with its schemas and code lists. Aborts when they do not load: a
/// harness against a broken rule set would test nothing.
inline const PackSet& RealPacks() {
  static const PackSet* packs = [] {
    LoadOptions options;
    options.rules_root = RulesRoot();
    Diagnostics diagnostics;
    std::unique_ptr<PackSet> loaded = LoadPacks(options, diagnostics);
    if (!loaded) {
      std::cerr << "cannot load the packs of " << options.rules_root << "\n";
      std::abort();
    }
    return loaded.release();
  }();
  return *packs;
}

inline SourceOptions RealSourceOptions() {
  SourceOptions options;
  options.schemas = &RealPacks().schemas;
  options.parse.codes = &RealPacks().codes;
  return options;
}

/// Reads a source to its end; a source that keeps producing records is a bug (a loop).
inline void Drain(RecordSource& source, Diagnostics& diagnostics, std::size_t input_size) {
  std::shared_ptr<const Record> record;
  std::size_t produced = 0;
  while (source.Next(&record, diagnostics)) {
    if (++produced > input_size + 1) std::abort();
  }
  const SourceCounts& counts = source.counts();
  if (counts.rows_rejected > counts.rows_read) std::abort();
}

}  // namespace uofa::fuzz

#endif  // UOFA_TESTS_FUZZ_FUZZ_SUPPORT_H_
