// Small-number suppression and rounding as national statistics publish them (DOMAIN.md §9).
#include "engine/stats/measures.h"

namespace uofa::stats {

Count Publish(std::size_t count, bool suppress) {
  if (!suppress) return Count{count, false};
  if (count > 0 && count < 5) return Count{0, true};
  return Count{(count + 2) / 5 * 5, false};
}

}  // namespace uofa::stats

namespace uofa {

std::string CountText(const Count& count) {
  return count.suppressed ? std::string("*") : std::to_string(count.value);
}

}  // namespace uofa
