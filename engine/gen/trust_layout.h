// The generated trust's shape, scaled with the number of incidents: units, wards, the patient
// pool, the staff of each ward, and the dates every record falls between.
#ifndef UOFA_ENGINE_GEN_TRUST_LAYOUT_H_
#define UOFA_ENGINE_GEN_TRUST_LAYOUT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/gen/london_time.h"
#include "engine/gen/organisation_profile.h"

namespace uofa::gen {

// Members of staff per ward, by slot: 0 ward manager; 1-6 nurses; 7-20 healthcare assistants;
// 21-23 doctors; 24-29 bank and agency nurses and assistants.
inline constexpr int kStaffPerWard = 30;
inline constexpr int kFirstNurseSlot = 1;
inline constexpr int kLastNurseSlot = 6;
inline constexpr int kFirstDoctorSlot = 21;
inline constexpr int kLastDoctorSlot = 23;

// Random streams (random_source.h StreamSeed): one per kind of record, indexed by the record.
enum Stream : std::uint64_t {
  kPatientStream = 1,
  kStaffStream = 2,
  kIncidentChunkStream = 3,
  kAdmissionStream = 4,
};

struct TrustLayout {
  std::uint64_t seed = 0;
  std::int64_t incidents = 0;
  std::int64_t patients = 0;  // even indexes are women, odd men
  int wards = 0;
  int units = 0;

  std::string UnitName(int unit) const;
  std::string WardName(int ward) const;
  int UnitOf(int ward) const { return ward / 3; }
  std::vector<UnitWards> Units() const;
  std::int64_t StaffCount() const { return static_cast<std::int64_t>(wards) * kStaffPerWard; }
};

TrustLayout MakeLayout(std::int64_t incidents, std::uint64_t seed);

// Days since 1970-01-01 of the dates the generator keys on.
std::int64_t AsOfDay();             // 2025-12-31, the audit date
std::int64_t FirstIncidentDay();    // 2022-08-20: s.6, s.9, s.11 and s.12 all in force
std::int64_t LastIncidentDay();     // 2025-12-20

// Zero-padded identifiers: P0000001, S000001, ADM-0000001.
std::string PatientId(std::int64_t index);
std::string StaffId(std::int64_t index);
std::string AdmissionId(std::int64_t index);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_TRUST_LAYOUT_H_
