#include "engine/gen/people.h"

#include <algorithm>
#include <vector>

#include "engine/gen/csv_writer.h"
#include "engine/gen/nhs_number.h"
#include "engine/gen/phrases.h"
#include "engine/gen/random_source.h"

namespace uofa::gen {

namespace {

struct GapRate {
  PatientGap gap;
  int per_10000;
};

// Patients with each gap, per 10,000 patients.
const std::vector<GapRate>& PatientGapRates() {
  static const std::vector<GapRate> rates = {
      {PatientGap::kName, 40},          {PatientGap::kNhsNumber, 80},        {PatientGap::kMentalDisorder, 80},
      {PatientGap::kDateOfBirth, 30},   {PatientGap::kDisability, 30},       {PatientGap::kDisabilityNature, 30},
      {PatientGap::kMaritalStatus, 30}, {PatientGap::kPregnancy, 30},        {PatientGap::kEthnicity, 100},
      {PatientGap::kReligion, 40},      {PatientGap::kSex, 20},              {PatientGap::kSexualOrientation, 40},
      {PatientGap::kLearningDisabilityOrAutism, 80},
  };
  return rates;
}

void Field(std::string& out, std::string_view value) {
  AppendCsvField(out, value);
  out += ',';
}

void LastField(std::string& out, std::string_view value) {
  AppendCsvField(out, value);
  out += '\n';
}

std::string LocalTime(std::int64_t day, int minute) {
  const CivilDate date = CivilFromDays(day);
  return FormatLondonDateTime(LondonToInstant(date.year, date.month, date.day, minute / 60, minute % 60));
}

template <typename T>
const T& Draw(StreamRandom& random, const std::vector<std::pair<T, int>>& table) {
  std::vector<int> weights;
  weights.reserve(table.size());
  for (const auto& entry : table) weights.push_back(entry.second);
  return table[random.Weighted(weights)].first;
}

// Valid, distinct NHS numbers: 16 candidates per patient, the first whose check digit exists.
std::string NhsNumber(std::int64_t index) {
  const std::int64_t base = 900000000 + (index * 16) % 99999984;
  for (int k = 0; k < 16; ++k) {
    const std::string nine = std::to_string(base + k);
    const int check = NhsCheckDigit(nine);
    if (check != 10) return nine + static_cast<char>('0' + check);
  }
  return std::to_string(base) + "0";  // unreachable: 16 consecutive numbers always hold one
}

}  // namespace

Rule RuleOf(PatientGap gap) {
  switch (gap) {
    case PatientGap::kName: return Rule::k5E;
    case PatientGap::kNhsNumber: return Rule::k5G;
    case PatientGap::kMentalDisorder: return Rule::k5J;
    case PatientGap::kDateOfBirth: return Rule::k5KAge;
    case PatientGap::kDisability: return Rule::k5KDisability;
    case PatientGap::kDisabilityNature: return Rule::k5KDisabilityNature;
    case PatientGap::kMaritalStatus: return Rule::k5KMarriage;
    case PatientGap::kPregnancy: return Rule::k5KPregnancy;
    case PatientGap::kEthnicity: return Rule::k5KRace;
    case PatientGap::kReligion: return Rule::k5KReligion;
    case PatientGap::kSex: return Rule::k5KSex;
    case PatientGap::kSexualOrientation: return Rule::k5KOrientation;
    case PatientGap::kLearningDisabilityOrAutism: return Rule::k5L;
    case PatientGap::kNone: break;
  }
  return Rule::kCount;
}

std::int64_t PatientCore::FirstIncidentDay() const { return std::max(admitted_day + 1, gen::FirstIncidentDay()); }
std::int64_t PatientCore::LastIncidentDay() const { return std::min(leaves_day - 1, gen::LastIncidentDay()); }

PatientCore PatientAt(const TrustLayout& layout, std::int64_t index) {
  StreamRandom random(StreamSeed(layout.seed, kPatientStream, static_cast<std::uint64_t>(index)));
  PatientCore patient;
  patient.index = index;
  patient.female = index % 2 == 0;
  patient.ward = static_cast<int>(random.Between(0, layout.wards - 1));
  patient.informal = random.Percent(12);
  // Admitted any time from a month before the first incident day; stays of six weeks to two years.
  patient.admitted_day = random.Between(gen::FirstIncidentDay() - 30, gen::LastIncidentDay() - 20);
  patient.admitted_minute = static_cast<int>(random.Between(8 * 60, 22 * 60));
  const std::size_t band = random.Weighted({30, 50, 20});
  const std::int64_t stay = band == 0 ? random.Between(45, 90) : band == 1 ? random.Between(91, 240) : random.Between(241, 700);
  patient.leaves_day = std::max(patient.admitted_day + stay, gen::FirstIncidentDay() + 15 + random.Between(0, 60));
  const int draw = static_cast<int>(random.Between(0, 9999));
  int below = 0;
  for (const GapRate& rate : PatientGapRates()) {
    below += rate.per_10000;
    if (draw < below) {
      patient.gap = rate.gap;
      break;
    }
  }
  return patient;
}

void AppendPatientRow(const TrustLayout& layout, std::int64_t index, std::string& out) {
  const PatientCore core = PatientAt(layout, index);
  // The details draw from a stream of their own, so the core above never shifts.
  StreamRandom random(StreamSeed(layout.seed, kPatientStream, static_cast<std::uint64_t>(index)) ^ 0x5555);
  const PatientGap gap = core.gap;
  std::string name = random.Pick(phrases::FirstNames()) + " " + random.Pick(phrases::PatientSurnames());
  std::string nhs = NhsNumber(index);
  if (gap == PatientGap::kNhsNumber) {
    nhs = random.Percent(50) ? nhs.substr(0, 9) + static_cast<char>('0' + (nhs[9] - '0' + 1) % 10) : nhs.substr(0, 9);
  }
  const std::int64_t born = core.admitted_day - random.Between(18 * 365, 75 * 365);
  // Restrained patients by ethnic group (DOMAIN.md §10): rates per head about five times as high
  // for Black as for White people; Z and 99 are the messy but valid "not stated" and "not known".
  std::string ethnicity = Draw<std::string>(random, {{"A", 52}, {"B", 3}, {"C", 7}, {"D", 2}, {"E", 2}, {"F", 1},
                                                     {"G", 2}, {"H", 3}, {"J", 2}, {"K", 1}, {"L", 2}, {"M", 7},
                                                     {"N", 6}, {"P", 2}, {"R", 1}, {"S", 2}, {"Z", 3}, {"99", 2}});
  std::string religion = Draw<std::string>(random, {{"Christian", 35}, {"No religion", 35}, {"Muslim", 10}, {"Hindu", 3},
                                                    {"Sikh", 2}, {"Jewish", 1}, {"Buddhist", 1}, {"Other", 3},
                                                    {"Not stated", 10}});
  const bool disabled = random.Percent(25);
  std::string disability = disabled ? "Y" : "N";
  std::string nature = disabled ? random.Pick(std::vector<std::string>{"Physical impairment", "Sensory impairment",
                                                                      "Long-standing illness", "Mobility impairment"})
                                : "";
  std::string marital = Draw<std::string>(random, {{"Single", 60}, {"Married or civil partner", 15}, {"Divorced", 10},
                                                   {"Separated", 5}, {"Widowed", 3}, {"Not stated", 7}});
  std::string pregnant = core.female ? Draw<std::string>(random, {{"N", 95}, {"U", 4}, {"Y", 1}}) : "N";
  std::string orientation = Draw<std::string>(random, {{"Heterosexual or straight", 75}, {"Gay or lesbian", 5},
                                                       {"Bisexual", 4}, {"Not stated", 16}});
  std::string learning = Draw<std::string>(random, {{"N", 85}, {"Y", 8}, {"U", 7}});
  std::string autism = Draw<std::string>(random, {{"N", 80}, {"Y", 12}, {"U", 8}});
  std::string disorder = Draw<std::string>(random, {{"F20.0", 30}, {"F25.0", 10}, {"F31.2", 12}, {"F32.3", 8},
                                                    {"F60.3", 15}, {"F43.1", 6}, {"F84.0", 4}, {"F10.5", 5},
                                                    {"unknown", 3}});
  std::string legal = core.informal ? "informal"
                                    : Draw<std::string>(random, {{"section 2", 35}, {"section 3", 55}, {"section 37", 10}});
  std::string sex = core.female ? "female" : "male";
  switch (gap) {
    case PatientGap::kName: name.clear(); break;
    case PatientGap::kMentalDisorder: disorder.clear(); break;
    case PatientGap::kDateOfBirth: break;
    case PatientGap::kDisability: disability.clear(); nature.clear(); break;
    case PatientGap::kDisabilityNature: disability = "Y"; nature.clear(); break;
    case PatientGap::kMaritalStatus: marital.clear(); break;
    case PatientGap::kPregnancy: pregnant.clear(); break;
    case PatientGap::kEthnicity: ethnicity.clear(); break;
    case PatientGap::kReligion: religion.clear(); break;
    case PatientGap::kSex: sex.clear(); break;
    case PatientGap::kSexualOrientation: orientation.clear(); break;
    case PatientGap::kLearningDisabilityOrAutism: (random.Percent(50) ? learning : autism).clear(); break;
    default: break;
  }
  Field(out, PatientId(index));
  Field(out, name);
  Field(out, nhs);
  Field(out, gap == PatientGap::kDateOfBirth ? "" : FormatDate(born));
  Field(out, sex);
  Field(out, ethnicity);
  Field(out, religion);
  Field(out, disability);
  Field(out, nature);
  Field(out, marital);
  Field(out, pregnant);
  Field(out, orientation);
  Field(out, learning);
  Field(out, autism);
  Field(out, disorder);
  LastField(out, legal);
}

void AppendAdmissionRow(const TrustLayout& layout, std::int64_t index, std::string& out) {
  const PatientCore core = PatientAt(layout, index);
  StreamRandom random(StreamSeed(layout.seed, kAdmissionStream, static_cast<std::uint64_t>(index)));
  const CivilDate admitted = CivilFromDays(core.admitted_day);
  const Minutes admitted_at =
      LondonToInstant(admitted.year, admitted.month, admitted.day, core.admitted_minute / 60, core.admitted_minute % 60);
  Field(out, AdmissionId(index));
  Field(out, PatientId(index));
  Field(out, layout.UnitName(layout.UnitOf(core.ward)));
  Field(out, layout.WardName(core.ward));
  Field(out, FormatLondonDateTime(admitted_at));
  Field(out, core.leaves_day < AsOfDay() ? LocalTime(core.leaves_day, static_cast<int>(random.Between(9 * 60, 17 * 60))) : "");
  Field(out, FormatLondonDateTime(admitted_at + random.Between(60, 48 * 60)));
  Field(out, "N");
  Field(out, random.Percent(90) ? "standard" : "easy_read");
  Field(out, "Y");
  LastField(out, "");
}

StaffMember StaffAt(const TrustLayout& layout, int ward, int slot) {
  StaffMember member;
  member.index = static_cast<std::int64_t>(ward) * kStaffPerWard + slot;
  StreamRandom random(StreamSeed(layout.seed, kStaffStream, static_cast<std::uint64_t>(member.index)));
  member.id = StaffId(member.index);
  member.name = random.Pick(phrases::FirstNames()) + " " + random.Pick(phrases::StaffSurnames());
  member.employment = "employee";
  if (slot == 0) {
    member.job_title = "Ward Manager";
  } else if (slot <= kLastNurseSlot) {
    member.job_title = slot <= 2 ? "Charge Nurse" : "Staff Nurse";
  } else if (slot < kFirstDoctorSlot) {
    member.job_title = slot % 3 == 0 ? "Senior Healthcare Assistant" : "Healthcare Assistant";
  } else if (slot <= kLastDoctorSlot) {
    member.job_title = slot == kFirstDoctorSlot ? "Consultant Psychiatrist" : "Specialty Doctor";
  } else {
    member.job_title = slot % 2 == 0 ? "Staff Nurse" : "Healthcare Assistant";
    member.employment = slot < 27 ? "bank" : "agency";
  }
  return member;
}

int AppendStaffRows(const TrustLayout& layout, int ward, int slot, std::string& staff, std::string& training) {
  const StaffMember member = StaffAt(layout, ward, slot);
  StreamRandom random(StreamSeed(layout.seed, kStaffStream, static_cast<std::uint64_t>(member.index)) ^ 0x5555);
  const std::int64_t started = random.Between(DaysFromCivil(2005, 1, 1), DaysFromCivil(2022, 6, 1));
  Field(staff, member.id);
  Field(staff, member.name);
  Field(staff, member.job_title);
  Field(staff, layout.UnitName(layout.UnitOf(ward)));
  Field(staff, member.employment);
  Field(staff, FormatDate(started));
  Field(staff, "");
  Field(staff, "Y");
  LastField(staff, "");
  // Induction within weeks of starting (or of the trust's programme, for long-serving staff),
  // then a refresher within every year up to the audit date.
  const char* const provider = "Example Restraint Reduction Training Ltd";
  const char* const topics = "a;b;c;d;e;f;g;h;i;j;k";
  std::int64_t day = std::max(started, DaysFromCivil(2021, 6, 1)) + random.Between(5, 40);
  int rows = 0;
  bool induction = true;
  while (day < AsOfDay()) {
    Field(training, member.id);
    Field(training, induction ? "Reducing restrictive practice: foundation course"
                              : "Reducing restrictive practice: annual update");
    Field(training, induction ? "induction" : "refresher");
    Field(training, FormatDate(day));
    Field(training, provider);
    Field(training, "Y");
    LastField(training, topics);
    ++rows;
    induction = false;
    day += random.Between(300, 360);
  }
  return rows;
}

}  // namespace uofa::gen
