#include "sample_model.h"

namespace uofa::samples {

const std::vector<Ward>& Wards() {
  static const std::vector<Ward> wards = {
      {"Riverside Unit", "Oak", false, 0, 22},
      {"Riverside Unit", "Ash", false, 'F', 20},
      {"Riverside Unit", "Elm PICU", true, 0, 12},
      {"Hillside Unit", "Birch", true, 'M', 20},
      {"Hillside Unit", "Willow", false, 0, 16},
      {"Hillside Unit", "Rowan", false, 0, 10},
  };
  return wards;
}

std::vector<std::string> UnitNames() { return {"Riverside Unit", "Hillside Unit"}; }

Minutes Section6InForce() { return LondonToInstant(2022, 3, 31, 0, 0); }
Minutes Section12InForce() { return LondonToInstant(2022, 8, 18, 0, 0); }
Minutes FirstIncidentDay() { return LondonToInstant(2021, 10, 1, 0, 0); }
Minutes LastIncidentDay() { return LondonToInstant(2025, 12, 15, 0, 0); }
Minutes AsOf() { return LondonToInstant(2025, 12, 31, 0, 0); }

std::int64_t LocalDay(Minutes instant) { return (instant + LondonOffset(instant)) / kMinutesPerDay; }

Minutes AtLocalTime(std::int64_t day, int hour, int minute) {
  const CivilDate date = CivilFromDays(day);
  return LondonToInstant(date.year, date.month, date.day, hour, minute);
}

}  // namespace uofa::samples
