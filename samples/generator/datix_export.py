#!/usr/bin/env python3
"""Writes samples/datix-export/ from samples/example-trust/: the same audit, with its incidents
exported the way an incident-management system such as Datix writes them.

- incidents/incidents.csv: the system's own column names, labels instead of national codes and
  enum values, Yes/No booleans, UK dates and times (25/11/2025 14:05), a UTF-8 byte-order mark
  and CRLF line ends; interventions.csv is folded into one column, "Restraint types used",
  listing each intervention as "label | start | end | care plan | authorised by | role".
- patients.csv: semicolon-separated, Windows-1252, UK dates of birth, CRLF line ends.
- everything else is copied as it is.
uofa.yaml carries the mapping that turns it back into the data contract, so `uofa check` finds
exactly what it finds in example-trust (tests/datix-sample checks this).

Run from the project root:  python3 samples/generator/datix_export.py [OUTPUT_DIR]
(OUTPUT_DIR defaults to samples/datix-export; tests write elsewhere to check it is up to date.)
Standard library only; the output depends on nothing but the input.
"""
import csv
import io
import os
import re
import shutil
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SOURCE = os.path.join(ROOT, "samples", "example-trust")
TARGET = os.path.join(ROOT, "samples", "datix-export")

INCIDENT_COLUMNS = [
    ("incident_id", "Ref"),
    ("patient_id", "Patient ID"),
    ("unit", "Unit"),
    ("ward", "Ward"),
    ("location", "Exact location"),
    ("started_at", "Date/time started"),
    ("ended_at", "Date/time ended"),
    ("reason_code", "Reason for restrictive intervention"),
    ("reason", "Reason details"),
    ("description", "Description"),
    ("efforts_to_avoid", "De-escalation attempted"),
    ("outcome", "Outcome"),
    ("patient_injury", "Patient injured?"),
    ("staff_injury", "Staff injured?"),
    ("death_or_serious_injury", "Death or serious injury?"),
    ("investigation_ref", "Investigation ref"),
    ("notify_required", "Care plan requires notification?"),
    ("notification_sent", "Notification sent?"),
    ("planned", "Planned intervention?"),
    ("negligible", "Negligible force?"),
    ("negligible_reason", "Why force was negligible"),
    ("police_involved", "Police involved?"),
    ("police_camera", "Police body camera"),
    ("police_camera_exception", "Body camera exception"),
    ("debrief_patient_at", "Patient debrief date/time"),
    ("debrief_declined", "Debrief declined?"),
    ("post_incident_review_at", "Post-incident review date/time"),
    ("recorded_at", "Date/time reported"),
    ("recorded_by", "Reported by"),
    ("deleted_at", "Date/time deleted"),
]
SPLIT_COLUMN = "Restraint types used"

# Labels as a local system lists them; some codes have two spellings, as exports do.
TYPE_LABELS = {
    "01": ["Restraint - prone", "Face down"],
    "04": ["Mechanical restraint"],
    "05": ["Seclusion"],
    "06": ["Long-term segregation"],
    "07": ["Restraint - standing"],
    "08": ["Restrictive escort"],
    "09": ["Restraint - supine", "Face up"],
    "10": ["Restraint - side"],
    "11": ["Restraint - seated"],
    "12": ["Restraint - kneeling"],
    "13": ["Restraint - other"],
    "14": ["Rapid tranquillisation (IM)"],
    "15": ["IM medication - not RT"],
    "16": ["Oral medication"],
    "17": ["Chemical restraint - other"],
}
REASON_LABELS = {
    "10": "Prevent violence to others",
    "11": "Prevent serious self-harm",
    "12": "Prevent accidental self-injury",
    "13": "Give medical treatment",
    "14": "Personal care",
    "15": "Nasogastric feeding",
    "16": "Prevent prolonged over-activity",
    "17": "Prevent dangerous behaviour",
    "18": "Search for safety of others",
    "19": "Prevent absconding",
    "98": "Other",
    "99": "Not known",
}
CAMERA_LABELS = {
    "worn_operating": "Worn and recording",
    "worn_not_operating": "Worn, not recording",
    "not_worn": "Not worn",
    "unknown": "Don't know",
}
ROLE_LABELS = {
    "nurse in charge": "Nurse in Charge",
    "doctor": "Doctor",
    "approved clinician": "Approved Clinician",
}
BOOLEANS = {"Y": "Yes", "N": "No", "U": "Not known"}
BOOL_FIELDS = {"death_or_serious_injury", "notify_required", "notification_sent", "planned",
               "negligible", "police_involved", "debrief_declined", "in_care_plan",
               "patient_injury", "staff_injury"}
ISO_MINUTES = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$")
ISO_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")


def uk_datetime(value):
    """25/11/2025 14:05; anything else (an offset, a planted error) is kept as written."""
    match = ISO_MINUTES.match(value)
    if not match:
        return value
    year, month, day, hour, minute = match.groups()
    return f"{day}/{month}/{year} {hour}:{minute}"


def uk_date(value):
    match = ISO_DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    return f"{day}/{month}/{year}"


def label(value, labels):
    """The label of a code or enum value; values with no label (planted errors) pass as written."""
    return labels.get(value, value)


def read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path, header, rows, delimiter=",", encoding="utf-8", bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    with open(path, "wb") as handle:
        if bom:
            handle.write(b"\xef\xbb\xbf")
        handle.write(data)


def intervention_item(row, index):
    spellings = TYPE_LABELS.get(row["type_code"], [row["type_code"]])
    type_label = spellings[index % len(spellings)]
    parts = [type_label, uk_datetime(row["started_at"]), uk_datetime(row["ended_at"]),
             BOOLEANS.get(row["in_care_plan"], row["in_care_plan"]), row["authorised_by"],
             label(row["authoriser_role"], ROLE_LABELS)]
    for part in parts:
        if "|" in part or ";" in part:
            sys.exit(f"datix_export: '{part}' holds a separator of the restraint list")
    return " | ".join(parts)


def convert_incidents():
    incidents = read(os.path.join(SOURCE, "incidents", "incidents.csv"))
    interventions = read(os.path.join(SOURCE, "incidents", "interventions.csv"))
    by_incident = {}
    for row in interventions:
        by_incident.setdefault(row["incident_id"], []).append(row)
    header = [name for _, name in INCIDENT_COLUMNS] + [SPLIT_COLUMN]
    rows = []
    for number, incident in enumerate(incidents):
        out = []
        for field, _ in INCIDENT_COLUMNS:
            value = incident[field]
            if field.endswith("_at"):
                value = uk_datetime(value)
            elif field in BOOL_FIELDS:
                value = BOOLEANS.get(value, value)
            elif field == "reason_code":
                value = label(value, REASON_LABELS)
            elif field == "police_camera":
                value = label(value, CAMERA_LABELS)
            out.append(value)
        listed = sorted(by_incident.get(incident["incident_id"], []), key=lambda r: int(r["seq"]))
        for seq, row in enumerate(listed, start=1):
            if int(row["seq"]) != seq:
                sys.exit(f"datix_export: {incident['incident_id']}: interventions are not numbered 1..n")
        out.append("; ".join(intervention_item(row, number) for row in listed))
        rows.append(out)
    known = {row["incident_id"] for row in incidents}
    for row in interventions:
        if row["incident_id"] not in known:
            sys.exit(f"datix_export: intervention of unknown incident {row['incident_id']}")
    os.makedirs(os.path.join(TARGET, "incidents"), exist_ok=True)
    write_csv(os.path.join(TARGET, "incidents", "incidents.csv"), header, rows, bom=True)


def convert_patients():
    patients = read(os.path.join(SOURCE, "patients.csv"))
    header = list(patients[0].keys())
    rows = []
    for patient in patients:
        rows.append([uk_date(patient[name]) if name == "date_of_birth" else patient[name]
                     for name in header])
    write_csv(os.path.join(TARGET, "patients.csv"), header, rows, delimiter=";",
              encoding="cp1252")


def mapping_yaml():
    lines = ["mappings:",
             "  incidents/incidents.csv:",
             "    # UTF-8 with a byte-order mark (skipped), CRLF line ends, comma-separated.",
             "    datetime_format: \"%d/%m/%Y %H:%M\"",
             "    columns:"]
    for field, name in INCIDENT_COLUMNS:
        lines.append(f"      \"{name}\": {field}")
    lines += ["    booleans: {true: [\"Yes\"], false: [\"No\"], unknown: [\"Not known\"]}",
              "    values:",
              "      reason_code:"]
    for code, text in REASON_LABELS.items():
        lines.append(f"        \"{text}\": \"{code}\"")
    lines.append("      police_camera:")
    for value, text in CAMERA_LABELS.items():
        lines.append(f"        \"{text}\": {value}")
    lines += ["    split:",
              f"      \"{SPLIT_COLUMN}\":",
              "        into: interventions          # one intervention row per listed item",
              "        separator: \";\"               # between items",
              "        part_separator: \"|\"          # between the parts of one item",
              "        fields: [type_code, started_at, ended_at, in_care_plan, authorised_by, authoriser_role]",
              "        values:",
              "          type_code:"]
    for code, spellings in TYPE_LABELS.items():
        for text in spellings:
            lines.append(f"            \"{text}\": \"{code}\"")
    lines.append("          authoriser_role:")
    for value, text in ROLE_LABELS.items():
        lines.append(f"            \"{text}\": {value}")
    lines += ["  patients.csv:",
              "    encoding: windows-1252",
              "    separator: \";\"",
              "    date_format: \"%d/%m/%Y\""]
    return "\n".join(lines) + "\n"


def write_settings():
    with open(os.path.join(SOURCE, "uofa.yaml"), encoding="utf-8") as handle:
        original = handle.read()
    header = ("# Written by samples/generator/datix_export.py from example-trust's uofa.yaml: the\n"
              "# same audit, with the mappings that read this folder's incident and patient\n"
              "# exports (docs/mappings.md).\n")
    body = "\n".join(line for line in original.splitlines() if not line.startswith("#"))
    with open(os.path.join(TARGET, "uofa.yaml"), "w", encoding="utf-8") as handle:
        handle.write(header + body.strip() + "\n" + mapping_yaml())


def copy_rest():
    converted = {os.path.join("incidents", "incidents.csv"),
                 os.path.join("incidents", "interventions.csv"), "patients.csv", "uofa.yaml"}
    for directory, _, files in os.walk(SOURCE):
        for name in sorted(files):
            source = os.path.join(directory, name)
            relative = os.path.relpath(source, SOURCE)
            # The audit store is written by uofa check, not part of the sample.
            if relative in converted or name.startswith("uofa.db"):
                continue
            target = os.path.join(TARGET, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(source, target)


def main():
    global TARGET
    if len(sys.argv) > 1:
        TARGET = os.path.abspath(sys.argv[1])
    if os.path.isdir(TARGET):
        shutil.rmtree(TARGET)
    os.makedirs(TARGET)
    convert_incidents()
    convert_patients()
    write_settings()
    copy_rest()


if __name__ == "__main__":
    main()
