#include <doctest/doctest.h>

#include <string>

#include "engine/sources/documents/document_source.h"
#include "engine/sources/record_source.h"
#include "tests/fuzz/fuzz_support.h"
#include "tests/unit/sources/source_test_util.h"

namespace uofa {

using testing::FixturePath;

TEST_CASE("document source: policy/ read once into document and paragraph records, with roles") {
  SourceOptions options = fuzz::RealSourceOptions();
  options.patient_information_title_patterns = {"your rights"};
  Diagnostics diagnostics;
  const std::string folder = FixturePath("documents/audit");
  auto sources = OpenAuditFolder(folder, options, diagnostics);
  CHECK(diagnostics.Format() ==
        folder + "/organisation.yaml:6:13: error: 'patient_information.document' names '../outside.md', which is "
                 "outside the audit folder\n" +
            folder + "/policy/notes.rtf: warning: not a document format uofa reads; skipped\n");
  RecordSource* documents = testing::SourceOfKind(sources, "policy_document");
  RecordSource* paragraphs = testing::SourceOfKind(sources, "policy_paragraph");
  REQUIRE(documents != nullptr);
  REQUIRE(paragraphs != nullptr);

  Diagnostics reading;
  auto document_records = testing::ReadAll(*documents, reading);
  REQUIRE(document_records.size() == 2);
  const Record& leaflet = *document_records[0];
  CHECK(leaflet.Id() == folder + "/policy/leaflet.md");
  CHECK(leaflet.Get("role").as_string() == "patient_information");  // by its title
  CHECK(leaflet.Get("format").as_string() == "markdown");
  CHECK(leaflet.Get("title").as_string() == "Your rights about the use of force");
  CHECK(leaflet.origin.line == 0);
  const Record& policy = *document_records[1];
  CHECK(policy.Get("role").as_string() == "policy");  // named in organisation.yaml
  CHECK(policy.Get("version").as_string() == "1.2");
  CHECK(policy.Get("text").as_string() ==
        "USE OF FORCE POLICY\nVersion: 1.2\n1. Reducing the use of force\nWe reduce restrictive practice.\n");
  const ValueList& sections = policy.Get("sections").as_list();
  REQUIRE(sections.size() == 2);
  CHECK(sections[1].as_record().Get("heading").as_string() == "1. Reducing the use of force");
  CHECK(sections[1].as_record().Get("first").as_int() == 5);
  CHECK(sections[1].as_record().Get("last").as_int() == 7);
  CHECK(sections[1].as_record().Get("text").as_string() == "We reduce restrictive practice.");

  auto paragraph_records = testing::ReadAll(*paragraphs, reading);
  REQUIRE(paragraph_records.size() == 4);
  const Record& item = *paragraph_records[1];
  CHECK(item.Id() == folder + "/policy/leaflet.md:5");
  CHECK(item.Get("kind").as_string() == "list_item");
  CHECK(item.Get("section").as_string() == "Your rights about the use of force");
  CHECK(item.origin.line == 5);
  CHECK(item.origin_last == 5);
  CHECK(std::string(item.origin_unit) == "line");
  CHECK(reading.Format().empty());
  CHECK(documents->counts().rows_read == 2);
  CHECK(paragraphs->counts().rows_read == 4);
  CHECK(paragraphs->counts().rows_rejected == 0);
}

TEST_CASE("document source: a document that cannot be read is a rejected row, not a lost one") {
  SourceOptions options = fuzz::RealSourceOptions();
  Diagnostics diagnostics;
  auto documents = ReadDocuments({FixturePath("documents/bad-utf8.md"), FixturePath("documents/audit/policy/leaflet.md")},
                                 {}, options, DocumentLimits{}, diagnostics);
  CHECK(diagnostics.HasErrors());
  auto source = MakeDocumentSource(documents, *options.schemas->Find("policy_document"));
  auto records = testing::ReadAll(*source, diagnostics);
  CHECK(records.size() == 1);
  CHECK(records[0]->Get("role").as_string() == "policy");  // no title patterns given
  CHECK(source->counts().rows_read == 2);
  CHECK(source->counts().rows_rejected == 1);
}

}  // namespace uofa
