#include "engine/gen/random_source.h"

namespace uofa::gen {

std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  SplitMix64 mix(seed ^ (stream * 0xD1B54A32D192ED03ULL));
  std::uint64_t word = mix() ^ (index * 0x9E3779B97F4A7C15ULL);
  SplitMix64 again(word);
  return again();
}

}  // namespace uofa::gen
