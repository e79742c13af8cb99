#include "engine/gen/policy_documents.h"

namespace uofa::gen {

namespace {

const char* const kPolicy = R"(# Use of Force Policy

Example Mental Health NHS Foundation Trust. Version 3.1, reviewed 31 October 2024. Fictional
document for the uofa sample audit.

## 1. Purpose and scope

This policy sets out how the trust keeps the use of force on patients in its mental health units
to a minimum, and how force is used, recorded and reviewed when it cannot be avoided. It applies
to Riverside Unit and Hillside Unit and to every patient there, informal or detained.

## 2. Responsible person

The Chief Nurse is the trust's responsible person for the Mental Health Units (Use of Force) Act
2018. Some functions are delegated to the Head of Nursing for Reducing Restrictive Practice; the
responsible person remains accountable for them.

## 3. What counts as use of force

Physical, mechanical or chemical restraint of a patient, and isolation (seclusion or
segregation). Physical restraint means bodily contact to prevent, restrict or subdue movement.

## 4. Reducing the use of force

The trust's plan for reducing restrictive practice (`reducing-restrictive-practice-plan.md`) sets
out the steps the trust takes to reduce the use of force: positive behaviour support plans,
safety huddles, sensory rooms, and monthly review of each ward's data by protected
characteristic.

## 5. Preventing and de-escalating

Staff first use the patient's care and safety plans, verbal de-escalation, reduced stimulation
and the offer of oral medication. Force is a last resort, proportionate to the risk, for the
shortest time possible.

## 6. Restraint positions

Planned or intentional prone (face-down) restraint is not used. If a patient goes prone during a
hold, staff turn them onto their side or back as soon as it is safe and record why.

## 7. Recording

Every use of force that is not negligible is recorded on the incident system within 24 hours,
with each item the Act requires. Records are kept for at least three years from the date they
are made. Force may be judged negligible only for light, non-restrictive contact that the patient
accepts, and the reason is recorded; when in doubt, staff record it in full.

## 8. Police

When police officers assist staff on a ward, the nurse in charge asks that body cameras are worn
and kept running, and records any special circumstances given for not doing so. The protocol with
Example Constabulary sets out how officers and staff work together.

## 9. Information for patients

Every patient is given the leaflet "Your rights about the use of force" as soon as practicable
after admission, in a format they can understand, and staff check that they have understood it.

## 10. Training

All staff who may use or authorise force complete certified training at induction and a refresher
every year. It covers involving patients in their care; respecting their wishes and feelings;
respecting diversity; avoiding unlawful discrimination, harassment and victimisation; techniques
that avoid or reduce force; the risks of force; the impact of trauma; the impact of force on
mental and physical health and on a patient's development; keeping patients and the public safe;
and the main legal and ethical issues.

## 11. Deaths and serious injuries

When a patient dies or is seriously injured in a unit, the trust investigates under the national
patient safety incident response framework and has regard to guidance from the Care Quality
Commission and NHS England.

## 12. Review and consultation

The policy is reviewed every year and republished when it changes. Substantial changes are
consulted on with the patients' council, the carers' forum and staff side before publication.
)";

const char* const kPatientInformation = R"(# Your rights about the use of force

Example Mental Health NHS Foundation Trust. Version 2.1, May 2025. Fictional leaflet for the uofa
sample audit. Also in easy read, in translation, as audio and in British Sign Language; ask any
member of staff.

## What this leaflet is about

Sometimes staff may need to hold you, give you medicine to calm you, or keep you apart from other
people to keep you or others safe. This is called the use of force. We try hard to avoid it.

## What we will do

- Talk with you about what helps you stay calm, and put it in your care plan.
- Try other ways first, such as talking, giving you space, or offering medicine by mouth.
- Use force only when we must, for as short a time as possible.
- Never plan to hold you face down.
- Talk with you afterwards about what happened, if you want to.
- Write down what happened and why, and keep that record.

## If police are called

Police officers who come to help should wear a body camera and keep it switched on.

## Your rights

You can complain, ask an independent mental health advocate for help, or contact the Care Quality
Commission. The trust's use of force policy is on our website.
)";

const char* const kReductionPlan = R"(# Reducing Restrictive Practice Plan 2025-26

Example Mental Health NHS Foundation Trust. Updated 1 June 2025. Fictional document for the uofa
sample audit.

## Aims

- Reduce restrictive interventions per 1,000 occupied bed days by a quarter over two years.
- End prone restraint that lasts longer than it takes to turn the patient safely.
- Close the gap in rates between Black and White patients.

## Steps

1. Positive behaviour support plans for every patient restrained more than twice in a month.
2. Daily safety huddles on every ward, using the previous day's incidents.
3. Sensory rooms on Elm PICU and Rowan.
4. Monthly ward data packs, broken down by protected characteristic, reviewed by the
   reducing restrictive practice group.
5. Post-incident debriefs offered to every patient, and reviewed for themes each quarter.
)";

}  // namespace

const std::vector<PolicyDocument>& PolicyDocuments() {
  static const std::vector<PolicyDocument> documents = {
      {"policy/use-of-force-policy.md", kPolicy},
      {"policy/patient-information.md", kPatientInformation},
      {"policy/reducing-restrictive-practice-plan.md", kReductionPlan},
  };
  return documents;
}

}  // namespace uofa::gen
