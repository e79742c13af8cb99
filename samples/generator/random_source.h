// Deterministic random draws for the sample-audit generator.
#ifndef UOFA_SAMPLES_GENERATOR_RANDOM_SOURCE_H_
#define UOFA_SAMPLES_GENERATOR_RANDOM_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace uofa::samples {

// Wraps std::mt19937_64, whose output sequence the standard fixes for a given seed, and maps its
// words onto ranges with integer arithmetic only. The std:: distributions are left alone on
// purpose: their algorithms differ between standard libraries, and the committed sample audit
// must come out byte-identical wherever it is regenerated.
class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed) : engine_(seed) {}

  // A uniform integer in [low, high]; low <= high.
  std::int64_t Between(std::int64_t low, std::int64_t high);

  // True with probability percent / 100.
  bool Percent(int percent) { return Between(0, 99) < percent; }

  // An index drawn with the given non-negative integer weights (at least one positive).
  std::size_t Weighted(const std::vector<int>& weights);

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

  // Fisher-Yates over the whole vector.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      auto j = static_cast<std::size_t>(Between(0, static_cast<std::int64_t>(i) - 1));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  // A uniform integer in [0, bound), by rejection so that every value is equally likely.
  std::uint64_t Below(std::uint64_t bound);

  std::mt19937_64 engine_;
};

}  // namespace uofa::samples

#endif  // UOFA_SAMPLES_GENERATOR_RANDOM_SOURCE_H_
