#include "engine/gen/phrases.h"

#include <map>

namespace uofa::gen::phrases {

const List& FirstNames() {
  static const List names = {"Alex",   "Sam",    "Jo",    "Chris", "Jordan", "Taylor",
                             "Morgan", "Casey",  "Robin", "Jamie", "Riley",  "Charlie",
                             "Frankie", "Drew",  "Kit",   "Leslie", "Max",   "Nat",
                             "Pat",    "Remy",   "Quinn", "Skyler", "Dale",  "Ellis"};
  return names;
}

const List& PatientSurnames() {
  static const List names = {"Example",  "Sample",   "Specimen",    "Exemplar",
                             "Testwell", "Demo",     "Mockley",     "Placeholder",
                             "Fictional", "Instance", "Prototype",  "Draftwood"};
  return names;
}

const List& StaffSurnames() {
  static const List names = {"Pattern", "Template", "Modelle",  "Sketchley", "Outline",
                             "Mockwell", "Trialson", "Pilotti", "Versionby", "Schema"};
  return names;
}

const List& PoliceSurnames() {
  static const List names = {"Beacon", "Lantern", "Harbour", "Warden", "Keel", "Anchor"};
  return names;
}

const List& Locations() {
  static const List places = {"Lounge",       "Dining room",   "Bedroom corridor",
                              "Patient's bedroom", "Nursing office doorway", "Garden",
                              "Clinic room",  "Activity room", "Bathroom",
                              "Ward entrance airlock"};
  return places;
}

const List& ReasonsFor(const std::string& reason_code) {
  static const std::map<std::string, List> reasons = {
      {"10",
       {"Punching staff in the lounge and could not be redirected",
        "Threatening another patient with a broken chair leg",
        "Kicking and spitting at staff during a search of the bedroom",
        "Assaulted a fellow patient in the dining room, pulling her hair"}},
      {"11",
       {"Attempting to tie a ligature in the bathroom",
        "Repeated head-banging against the bedroom wall",
        "Cutting forearm with a broken plastic cup",
        "Trying to swallow batteries taken from a remote control"}},
      {"12",
       {"Running at the ward door and falling repeatedly while disorientated",
        "Climbing furniture while highly confused and at risk of falling"}},
      {"13",
       {"To give prescribed depot medication, authorised under the Mental Health Act, which the "
        "patient refused",
        "To give a prescribed intramuscular antipsychotic after oral medication was refused"}},
      {"14",
       {"To give personal care after several days of refusing to wash",
        "Had been incontinent and could not be supported to wash without a hold"}},
      {"15", {"To give nasogastric feeding under the plan agreed by the multidisciplinary team"}},
      {"16",
       {"Extreme, prolonged over-activity with risk of exhaustion and dehydration",
        "Pacing and shouting for several hours without rest and no longer drinking"}},
      {"17",
       {"Smashing the nursing office window", "Throwing furniture in the corridor with other patients nearby",
        "Setting fire to paper and bedding"}},
      {"18", {"Believed to be hiding a blade; a search was needed for the safety of others"}},
      {"19",
       {"Trying to leave through the airlock while detained",
        "Absconding from escorted leave in the hospital grounds", "Climbing the garden fence"}},
      {"98", {"Blocking the fire exit and refusing to move during a fire alarm"}},
      {"99", {"Not documented in the record"}},
  };
  static const List none;
  auto found = reasons.find(reason_code);
  return found == reasons.end() ? none : found->second;
}

const List& EffortsToAvoid() {
  static const List efforts = {
      "Verbal de-escalation by the named nurse",
      "Offered time in the quiet room",
      "Offered oral PRN medication, which was declined",
      "Reduced stimulation by moving other patients away",
      "Used the patient's safety plan and offered a distraction activity",
      "Offered to call a family member",
      "Consultant spoke with the patient outside the nursing office",
      "Offered a walk in the garden with two staff",
      "Gave space and time while staff stood back",
      "Offered the sensory room",
      "Offered food and a drink"};
  return efforts;
}

const List& OutcomesSettled() {
  static const List outcomes = {
      "Patient settled in the bedroom within 20 minutes; no injuries.",
      "Patient calmed after the hold and accepted a drink; physical observations normal.",
      "Patient returned to the lounge after half an hour and apologised to staff.",
      "Patient slept for several hours afterwards; no injuries.",
      "Patient said \"I'm OK now\" and went to the bedroom; no injuries.",
      "Patient remained distressed for an hour, then accepted support from the named nurse."};
  return outcomes;
}

const List& OutcomesPatientInjured() {
  static const List outcomes = {
      "Patient had a graze to the left forearm, cleaned and reviewed by the ward doctor.",
      "Patient had redness on both wrists; body map completed and reviewed by the ward doctor.",
      "Patient bumped the head on the door frame; neurological observations for 24 hours, no "
      "concerns."};
  return outcomes;
}

const List& OutcomesAfterSeclusion() {
  static const List outcomes = {
      "Seclusion ended once the patient was calm and engaging; returned to the bedroom area.",
      "Patient slept in seclusion and on waking was settled; seclusion ended after a medical "
      "review.",
      "Seclusion ended after the MDT review; patient moved to the low-stimulus area with one "
      "to one observation."};
  return outcomes;
}

const List& OutcomesAfterRapidTranquillisation() {
  static const List outcomes = {
      "Medication took effect within 30 minutes; vital signs monitored and within normal limits.",
      "Patient became drowsy and slept; vital signs checked as per protocol, no concerns.",
      "Patient settled an hour after the injection and later ate a meal; no injuries."};
  return outcomes;
}

const List& StaffInjuryNotes() {
  static const List notes = {
      " A member of staff was bitten on the hand and went to occupational health.",
      " A member of staff was punched in the face; reported to the police with their consent.",
      " A member of staff twisted an ankle during the hold."};
  return notes;
}

const List& NegligibleReasons() {
  static const List reasons = {
      "Light guiding hand on the arm to leave the dining room; accepted without resistance.",
      "Hand placed on the shoulder to steer away from the door; the patient did not resist.",
      "Brief touch on the elbow to guide back to the bedroom; accepted."};
  return reasons;
}

const List& PoliceReasons() {
  static const List reasons = {
      "Police called when the patient assaulted staff and the ward could not keep others safe",
      "Police returned the patient after absconding and helped staff with the hold at the ward "
      "entrance",
      "Police attended a 999 call about a weapon on the ward"};
  return reasons;
}

const List& SecurityReasons() {
  static const List reasons = {
      "Site security asked to help when staff were outnumbered on the ward",
      "Site security responded to the personal alarm while the ward was short of staff"};
  return reasons;
}

const List& CameraExceptions() {
  static const List exceptions = {
      "Officers came directly from another call without cameras; the sergeant recorded why",
      "Camera battery failed on arrival; the officer reported it to the force"};
  return exceptions;
}

std::string DescribeIntervention(const std::string& type_code, int staff, bool negligible) {
  const std::string by = " by " + std::to_string(staff) + " staff";
  if (type_code == "01") return "held prone (face down) after falling forward, turned onto the side as soon as it was safe";
  if (type_code == "05") return "secluded in the seclusion suite";
  if (type_code == "06") return "moved to long-term segregation in the ward's segregation area";
  if (type_code == "07") return "held standing" + by;
  if (type_code == "08") return "escorted" + by + " using a restrictive hold";
  if (type_code == "09") return "held supine on a mattress" + by;
  if (type_code == "10") return "held on the side" + by;
  if (type_code == "11") return "held seated on the sofa" + by;
  if (type_code == "12") return "held kneeling" + by;
  if (type_code == "13") return negligible ? "guided with a light hand on the arm" : "held by the arms" + by;
  if (type_code == "14") return "given intramuscular medication (rapid tranquillisation)";
  if (type_code == "15") return "given prescribed intramuscular medication";
  if (type_code == "16") return "given oral medication to reduce agitation";
  return "held" + by;
}

}  // namespace uofa::gen::phrases
