#include "random_source.h"

namespace uofa::samples {

std::uint64_t RandomSource::Below(std::uint64_t bound) {
  // Words below `threshold` would favour the low residues; (2^64 - bound) % bound of them.
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t word = engine_();
    if (word >= threshold) return word % bound;
  }
}

std::int64_t RandomSource::Between(std::int64_t low, std::int64_t high) {
  const auto span = static_cast<std::uint64_t>(high - low) + 1;
  return low + static_cast<std::int64_t>(Below(span));
}

std::size_t RandomSource::Weighted(const std::vector<int>& weights) {
  std::int64_t total = 0;
  for (int weight : weights) total += weight;
  std::int64_t draw = Between(0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (draw < weights[i]) return i;
    draw -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace uofa::samples
