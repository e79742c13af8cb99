#include "engine/gen/trust_layout.h"

#include <algorithm>
#include <cstdio>

namespace uofa::gen {

namespace {

const char* const kPlaces[] = {"Riverside", "Hillside", "Meadowbank", "Parkside", "Lakeside", "Brookfield",
                               "Highfield", "Westgate", "Northgate", "Elmwood",  "Ashcroft", "Fernlea"};
const char* const kTrees[] = {"Oak",   "Ash",   "Elm",    "Birch", "Willow", "Rowan", "Cedar", "Hazel",
                              "Maple", "Holly", "Alder",  "Beech", "Larch",  "Poplar", "Aspen", "Juniper",
                              "Yew",   "Lime",  "Spruce", "Cherry", "Hawthorn", "Sycamore", "Walnut", "Chestnut"};
constexpr int kPlaceCount = sizeof(kPlaces) / sizeof(kPlaces[0]);
constexpr int kTreeCount = sizeof(kTrees) / sizeof(kTrees[0]);

// A ward holds about this many incidents over the years generated.
constexpr std::int64_t kIncidentsPerWard = 1500;

std::string Padded(const char* prefix, std::int64_t index, int width) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%0*lld", width, static_cast<long long>(index));
  return prefix + std::string(digits);
}

}  // namespace

TrustLayout MakeLayout(std::int64_t incidents, std::uint64_t seed) {
  TrustLayout layout;
  layout.seed = seed;
  layout.incidents = incidents;
  layout.patients = std::max<std::int64_t>(60, incidents * 2 / 5);
  layout.wards = static_cast<int>(std::max<std::int64_t>(6, (incidents + kIncidentsPerWard - 1) / kIncidentsPerWard));
  layout.units = (layout.wards + 2) / 3;
  return layout;
}

std::string TrustLayout::UnitName(int unit) const {
  std::string name = std::string(kPlaces[unit % kPlaceCount]) + " Unit";
  if (unit >= kPlaceCount) name += " " + std::to_string(unit / kPlaceCount + 1);
  return name;
}

std::string TrustLayout::WardName(int ward) const {
  std::string name = kTrees[ward % kTreeCount];
  if (ward >= kTreeCount) name += " " + std::to_string(ward / kTreeCount + 1);
  if (ward % 3 == 2) name += " PICU";
  return name;
}

std::vector<UnitWards> TrustLayout::Units() const {
  std::vector<UnitWards> units;
  for (int unit = 0; unit < this->units; ++unit) {
    UnitWards entry{UnitName(unit), {}};
    for (int ward = unit * 3; ward < std::min(wards, unit * 3 + 3); ++ward) entry.wards.push_back(WardName(ward));
    units.push_back(entry);
  }
  return units;
}

std::int64_t AsOfDay() { return DaysFromCivil(2025, 12, 31); }
std::int64_t FirstIncidentDay() { return DaysFromCivil(2022, 8, 20); }
std::int64_t LastIncidentDay() { return DaysFromCivil(2025, 12, 20); }

std::string PatientId(std::int64_t index) { return Padded("P", index + 1, 7); }
std::string StaffId(std::int64_t index) { return Padded("S", index + 1, 6); }
std::string AdmissionId(std::int64_t index) { return Padded("ADM-", index + 1, 7); }

}  // namespace uofa::gen
