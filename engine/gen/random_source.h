// Deterministic random draws for the audit generators (the sample audit and `uofa gen`).
#ifndef UOFA_ENGINE_GEN_RANDOM_SOURCE_H_
#define UOFA_ENGINE_GEN_RANDOM_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace uofa::gen {

// SplitMix64 (Steele, Lea and Flood): a 64-bit state and one multiply-xorshift step per word. Its
// seeding is free, so a stream can be started per patient, member of staff or chunk of incidents.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t operator()() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

// The seed of stream `index` of kind `stream` under the user's seed: draws in one stream do not
// depend on how many were made in another, which keeps output independent of thread count.
std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

// Maps an engine's 64-bit words onto ranges with integer arithmetic only. The std::
// distributions are left alone on purpose: their algorithms differ between standard libraries,
// and the committed sample audit must come out byte-identical wherever it is regenerated.
template <typename Engine>
class BasicRandomSource {
 public:
  explicit BasicRandomSource(std::uint64_t seed) : engine_(seed) {}

  // A uniform integer in [low, high]; low <= high.
  std::int64_t Between(std::int64_t low, std::int64_t high) {
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(Below(span));
  }

  // True with probability percent / 100.
  bool Percent(int percent) { return Between(0, 99) < percent; }

  // True with probability per_10000 / 10000.
  bool PerTenThousand(int per_10000) { return Between(0, 9999) < per_10000; }

  // A uniform double in [0, 1).
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // An index drawn with the given non-negative integer weights (at least one positive).
  std::size_t Weighted(const std::vector<int>& weights) {
    std::int64_t total = 0;
    for (int weight : weights) total += weight;
    std::int64_t draw = Between(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (draw < weights[i]) return i;
      draw -= weights[i];
    }
    return weights.size() - 1;
  }

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
  std::uint64_t Below(std::uint64_t bound) {
    // Words below `threshold` would favour the low residues; (2^64 - bound) % bound of them.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t word = engine_();
      if (word >= threshold) return word % bound;
    }
  }

  Engine engine_;
};

// std::mt19937_64, whose output sequence the standard fixes for a given seed: the sample audit's.
using RandomSource = BasicRandomSource<std::mt19937_64>;
// SplitMix64: cheap to seed, for the many short streams of `uofa gen`.
using StreamRandom = BasicRandomSource<SplitMix64>;

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_RANDOM_SOURCE_H_
