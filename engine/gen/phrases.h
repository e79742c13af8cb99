// The fixed word and phrase lists the generated audits' names and free text are built from.
#ifndef UOFA_ENGINE_GEN_PHRASES_H_
#define UOFA_ENGINE_GEN_PHRASES_H_

#include <string>
#include <vector>

namespace uofa::gen::phrases {

using List = std::vector<std::string>;

const List& FirstNames();
const List& PatientSurnames();
const List& StaffSurnames();
const List& PoliceSurnames();

const List& Locations();
// Narrative reasons for a national reason code (MHSDS MHS505).
const List& ReasonsFor(const std::string& reason_code);
const List& EffortsToAvoid();
const List& OutcomesSettled();
const List& OutcomesPatientInjured();
const List& OutcomesAfterSeclusion();
const List& OutcomesAfterRapidTranquillisation();
const List& StaffInjuryNotes();
const List& NegligibleReasons();
const List& PoliceReasons();
const List& SecurityReasons();
const List& CameraExceptions();

// How one type of force (MHSDS MHS515 code) was used, for the description; `staff` is how many
// staff held the patient.
std::string DescribeIntervention(const std::string& type_code, int staff, bool negligible);

}  // namespace uofa::gen::phrases

#endif  // UOFA_ENGINE_GEN_PHRASES_H_
