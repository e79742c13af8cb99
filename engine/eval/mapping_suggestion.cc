// SuggestMapping (include/uofa/mapping.h): a first draft of an export's mapping, by likeness of
// words. Deliberately simple and explainable: every proposal an officer reads can be traced to
// shared words between a column (or label) and a field name, description or code label, and
// anything below a clear match is marked unsure rather than guessed silently.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/base/date_format.h"
#include "engine/base/text.h"
#include "engine/base/time.h"
#include "engine/pack/pack_loader.h"
#include "engine/pack/yaml_checks.h"
#include "engine/sources/csv_reader.h"
#include "engine/sources/incident_join.h"
#include "engine/sources/utf8.h"
#include "uofa/mapping.h"

namespace uofa {
namespace {

// Words an export writes for what the contract names otherwise.
const std::map<std::string, std::string> kWordSynonyms = {
    {"ref", "id"},
    {"reference", "id"},
    {"number", "id"},
    {"no", "id"},
    {"date", "at"},
    {"time", "at"},
    {"datetime", "at"},
    {"reported", "recorded"},
    {"im", "injection"},
    {"lts", "segregation"},
    {"rt", "tranquillisation"},
    {"recording", "operating"},
};
const std::map<std::string, std::string> kPhraseSynonyms = {
    {"face down", "prone"},
    {"face up", "supine"},
    {"long-term segregation", "segregation"},
};
const std::set<std::string> kStopWords = {"a",    "an",  "the", "of", "to", "for",
                                          "or",   "and", "in",  "on", "by", "with",
                                          "from", "was", "is",  "if", "s"};
const std::vector<std::string> kYesWords = {"yes", "y", "true", "ticked", "checked", "x", "1"};
const std::vector<std::string> kNoWords = {"no", "n", "false", "unticked", "unchecked", "0"};
const std::vector<std::string> kUnknownWords = {"u",         "unknown", "not known",   "don't know",
                                                "dont know", "dk",      "not recorded"};

std::string Stem(std::string word) {
  if (word.size() > 4 && word.compare(word.size() - 3, 3, "ies") == 0)
    word.replace(word.size() - 3, 3, "y");
  for (const char* suffix : {"ing", "ed", "es", "s", "y", "e"}) {
    std::size_t length = std::char_traits<char>::length(suffix);
    if (word.size() > length + 3 && word.compare(word.size() - length, length, suffix) == 0) {
      word.resize(word.size() - length);
      break;
    }
  }
  return word;
}

std::vector<std::string> Words(std::string_view text) {
  std::string lower = AsciiLower(text);
  for (const auto& [phrase, replacement] : kPhraseSynonyms) {
    std::size_t at = lower.find(phrase);
    if (at != std::string::npos) lower.replace(at, phrase.size(), replacement);
  }
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    auto synonym = kWordSynonyms.find(word);
    if (synonym != kWordSynonyms.end()) word = synonym->second;
    if (!kStopWords.count(word)) words.push_back(Stem(word));
    word.clear();
  };
  for (char c : lower) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      word += c;
    else
      flush();
  }
  flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(a.size() + b.size() - common.size());
}

std::string Yaml(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool InList(std::string_view word, const std::vector<std::string>& list) {
  for (const std::string& item : list) {
    if (EqualsIgnoringCase(TrimSpace(word), item)) return true;
  }
  return false;
}

// Distinct values kept per column: enough to see every label of a code list in a sample.
constexpr std::size_t kMaxDistinct = 2000;

struct Column {
  std::string name;
  std::vector<std::string> values;  // distinct non-empty values, in first-seen order
  std::set<std::string> seen;
  std::size_t filled = 0;
  const FieldDef* field = nullptr;
  double score = 0;
};

// The format most of a column's date values follow, among the UK layouts exports use; "" when
// ISO 8601 (the default) or nothing fits better.
std::string DetectDateFormat(const Column& column, bool with_time) {
  static const char* const kDateTimeLayouts[] = {"%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S",
                                                 "%d-%b-%Y %H:%M", "%d/%m/%y %H:%M"};
  static const char* const kDateLayouts[] = {"%d/%m/%Y", "%d-%b-%Y", "%d/%m/%y", "%d.%m.%Y"};
  std::string best;
  std::size_t best_count = 0;
  std::size_t iso = 0;
  for (const std::string& value : column.values) {
    std::string error;
    if (ParseDateTime(value, &error)) ++iso;
  }
  auto consider = [&](const char* layout, bool time) {
    std::string error;
    std::optional<DateFormat> format = DateFormat::Compile(layout, time, &error);
    if (!format) return;
    std::size_t count = 0;
    for (const std::string& value : column.values) {
      if (format->Parse(value, &error)) ++count;
    }
    if (count > best_count) {
      best_count = count;
      best = layout;
    }
  };
  if (with_time) {
    for (const char* layout : kDateTimeLayouts) consider(layout, true);
  } else {
    for (const char* layout : kDateLayouts) consider(layout, false);
  }
  return best_count > iso ? best : "";
}

struct LabelMatch {
  std::string value;
  double score = 0;
  bool tie = false;
};

LabelMatch MatchLabel(std::string_view label,
                      const std::vector<std::pair<std::string, std::string>>& candidates) {
  LabelMatch best;
  std::vector<std::string> words = Words(label);
  for (const auto& [value, text] : candidates) {
    double score = std::max(Overlap(words, Words(text)), Overlap(words, Words(value)));
    if (score > best.score + 1e-9) {
      best = {value, score, false};
    } else if (score > 0 && std::abs(score - best.score) < 1e-9) {
      best.tie = true;
    }
  }
  return best;
}

class Suggester {
 public:
  Suggester(const PackSet& packs, Diagnostics& diagnostics)
      : packs_(packs), diagnostics_(diagnostics) {}

  std::optional<std::string> Run(const MappingSuggestOptions& options) {
    std::ifstream in(options.file, std::ios::binary);
    if (!in) {
      diagnostics_.Error({options.file, 0, 0}, "cannot read '" + options.file + "'");
      return std::nullopt;
    }
    std::string head(1 << 20, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    bom_ = head.compare(0, 3, "\xEF\xBB\xBF") == 0;
    std::string_view body(head);
    if (bom_) body.remove_prefix(3);
    std::size_t invalid = FindInvalidUtf8(body);
    // A cut at the end of the sample may split a character; only earlier bad bytes count.
    windows_1252_ = invalid != std::string::npos && invalid + 4 < body.size();
    crlf_ = body.find("\r\n") != std::string_view::npos;
    separator_ = DetectSeparator(body);

    auto reader =
        std::make_unique<CsvReader>(options.file, std::make_unique<std::istringstream>(head));
    reader->set_separator(separator_);
    reader->set_windows_1252(windows_1252_);
    Diagnostics ignored;
    CsvRow row;
    if (reader->Next(&row, ignored) != CsvReader::Status::kRow) {
      diagnostics_.Error({options.file, 1, 1}, "no header row could be read");
      return std::nullopt;
    }
    for (const CsvCell& cell : row.cells) {
      Column column;
      column.name = std::string(TrimSpace(cell.text));
      columns_.push_back(std::move(column));
    }
    for (int count = 0; count < options.sample_rows; ++count) {
      CsvReader::Status status = reader->Next(&row, ignored);
      if (status == CsvReader::Status::kEnd) break;
      if (status != CsvReader::Status::kRow) continue;
      ++rows_;
      for (std::size_t i = 0; i < row.cells.size() && i < columns_.size(); ++i) {
        std::string value(TrimSpace(row.cells[i].text));
        if (value.empty()) continue;
        Column& column = columns_[i];
        ++column.filled;
        if (column.seen.size() < kMaxDistinct && column.seen.insert(value).second)
          column.values.push_back(value);
      }
    }

    type_ = options.kind.empty() ? GuessKind() : packs_.schemas.Find(options.kind);
    if (type_ == nullptr) {
      std::vector<std::string> kinds;
      for (const RecordType* type : packs_.schemas.All()) kinds.push_back(type->name());
      std::sort(kinds.begin(), kinds.end());
      std::string list;
      for (const std::string& kind : kinds) list += (list.empty() ? "" : ", ") + kind;
      diagnostics_.Error({}, "unknown record kind '" + options.kind + "'" +
                                 DidYouMean(options.kind, kinds) + " (kinds: " + list + ")");
      return std::nullopt;
    }
    MatchColumns();
    return Write(options.file);
  }

 private:
  static char DetectSeparator(std::string_view body) {
    std::string_view first = body.substr(0, body.find('\n'));
    std::size_t best_count = 0;
    char best = ',';
    for (char candidate : {',', ';', '\t', '|'}) {
      std::size_t count = 0;
      bool quoted = false;
      for (char c : first) {
        if (c == '"')
          quoted = !quoted;
        else if (!quoted && c == candidate)
          ++count;
      }
      if (count > best_count) {
        best_count = count;
        best = candidate;
      }
    }
    return best;
  }

  double FieldScore(const Column& column, const FieldDef& field, const RecordType& type) const {
    std::vector<std::string> words = Words(column.name);
    if (words.empty()) return 0;
    if (AsciiLower(column.name) == field.name) return 1;
    std::string spaced = field.name;
    std::replace(spaced.begin(), spaced.end(), '_', ' ');
    std::vector<std::string> name = Words(spaced);
    // "Ref", "ID": the record's own identifier.
    if (words == std::vector<std::string>{"id"}) return field.name == type.id_field() ? 0.6 : 0;
    double by_name = Overlap(words, name);
    double by_description = Overlap(words, Words(field.description));
    double score = std::max(by_name, 0.6 * by_description);
    // Values that are codes, or labels, of the field's list are strong evidence for it.
    if (score > 0 && (field.kind == FieldKind::kCode || field.kind == FieldKind::kEnum) &&
        !column.values.empty()) {
      std::vector<std::pair<std::string, std::string>> candidates = Candidates(field);
      std::size_t fitting = 0;
      for (const std::string& value : column.values) {
        if (IsValid(field, value) || MatchLabel(value, candidates).score >= 0.3) ++fitting;
      }
      if (fitting * 2 >= column.values.size()) score += 0.3;
    }
    return score;
  }

  const RecordType* GuessKind() const {
    const RecordType* best = nullptr;
    double best_score = -1;
    for (const RecordType* type : packs_.schemas.All()) {
      double total = 0;
      for (const Column& column : columns_) {
        double top = 0;
        for (const FieldDef& field : type->fields())
          top = std::max(top, FieldScore(column, field, *type));
        total += top;
      }
      if (total > best_score) {
        best_score = total;
        best = type;
      }
    }
    return best;
  }

  // Each field to the column most like it, best pairs first; a column gets one field at most.
  void MatchColumns() {
    struct Pair {
      double score;
      std::size_t column;
      const FieldDef* field;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      for (const FieldDef& field : type_->fields()) {
        if (field.kind == FieldKind::kList || field.kind == FieldKind::kRecord) continue;
        double score = FieldScore(columns_[i], field, *type_);
        if (score >= 0.25) pairs.push_back({score, i, &field});
      }
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair& a, const Pair& b) { return a.score > b.score; });
    std::set<const FieldDef*> taken;
    for (const Pair& pair : pairs) {
      Column& column = columns_[pair.column];
      if (column.field != nullptr || taken.count(pair.field)) continue;
      column.field = pair.field;
      column.score = pair.score;
      taken.insert(pair.field);
    }
  }

  std::vector<std::pair<std::string, std::string>> Candidates(const FieldDef& field) const {
    std::vector<std::pair<std::string, std::string>> candidates;
    if (field.kind == FieldKind::kCode) {
      if (const CodeList* list = packs_.codes.Find(field.code_list)) return list->codes;
    }
    if (field.kind == FieldKind::kEnum) {
      for (const std::string& value : field.enum_values) {
        std::string spaced = value;
        std::replace(spaced.begin(), spaced.end(), '_', ' ');
        candidates.emplace_back(value, spaced);
      }
    }
    return candidates;
  }

  bool IsValid(const FieldDef& field, const std::string& value) const {
    if (field.kind == FieldKind::kCode) {
      const CodeList* list = packs_.codes.Find(field.code_list);
      return list == nullptr || list->Contains(list->Normalize(value));
    }
    for (const std::string& allowed : field.enum_values) {
      if (EqualsIgnoringCase(allowed, value)) return true;
    }
    return false;
  }

  // A value map for the labels of a code or enum column that are not values already.
  void WriteValueMap(std::ostringstream& out, const FieldDef& field,
                     const std::vector<std::string>& labels, const std::string& indent) const {
    std::vector<std::pair<std::string, std::string>> candidates = Candidates(field);
    std::vector<std::string> unmatched;
    std::ostringstream entries;
    for (const std::string& label : labels) {
      if (IsValid(field, label)) continue;
      LabelMatch match = MatchLabel(label, candidates);
      if (match.score < 0.2) {
        unmatched.push_back(label);
        continue;
      }
      entries << indent << "  " << Yaml(label) << ": " << Yaml(match.value);
      const std::string* text = nullptr;
      for (const auto& [value, candidate] : candidates) {
        if (value == match.value) text = &candidate;
      }
      bool unsure = match.score < 0.5 || match.tie;
      entries << "  # " << (unsure ? "unsure: " : "") << (text ? *text : match.value) << "\n";
    }
    if (entries.str().empty() && unmatched.empty()) return;
    out << indent << field.name << ":\n" << entries.str();
    if (!unmatched.empty()) {
      out << indent << "  # not matched to a value of '" << field.name << "':";
      for (const std::string& label : unmatched) out << " " << Yaml(label);
      out << "\n";
    }
  }

  // A column not matched to a field, whose cells list labels of a child table's code field.
  bool WriteSplit(std::ostringstream& out, const Column& column) const {
    for (const FieldDef& list : type_->fields()) {
      if (list.kind != FieldKind::kList) continue;
      const RecordType* element = ElementType(list, &packs_.schemas);
      if (element == nullptr) continue;
      for (const FieldDef& code : element->fields()) {
        if (code.kind != FieldKind::kCode) continue;
        std::vector<std::pair<std::string, std::string>> candidates = Candidates(code);
        // The item separator is whichever of ';' and ',' lists the most labels of the code list.
        std::vector<std::string> labels;
        std::size_t parts = 1, matched = 0, listed = 0;
        char separator = ';';
        for (char candidate : {';', ','}) {
          std::vector<std::string> found;
          std::set<std::string> seen;
          std::size_t found_parts = 1, found_matched = 0;
          for (const std::string& value : column.values) {
            std::string_view rest = value;
            while (!rest.empty()) {
              std::size_t end = rest.find(candidate);
              std::string_view item = rest.substr(0, end);
              rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
              found_parts =
                  std::max<std::size_t>(found_parts, 1 + std::count(item.begin(), item.end(), '|'));
              std::string label(TrimSpace(item.substr(0, item.find('|'))));
              if (label.empty() || !seen.insert(label).second) continue;
              found.push_back(label);
              if (MatchLabel(label, candidates).score >= 0.2) ++found_matched;
            }
          }
          if (found_matched > matched || (found_matched == matched && found.size() < listed)) {
            labels = std::move(found);
            parts = found_parts;
            matched = found_matched;
            listed = labels.size();
            separator = candidate;
          }
        }
        if (listed == 0 || matched * 2 < listed) continue;
        out << "      " << Yaml(column.name) << ":\n"
            << "        into: " << list.name << "   # one '" << element->name()
            << "' row per listed item\n"
            << "        separator: " << Yaml(std::string(1, separator)) << "\n";
        if (parts > 1) {
          out << "        part_separator: \"|\"\n"
              << "        fields: [" << code.name << "]   # unsure: each item has " << parts
              << " parts; name the field of each, in order\n";
        } else {
          out << "        field: " << code.name << "\n";
        }
        out << "        values:\n";
        WriteValueMap(out, code, labels, "          ");
        return true;
      }
    }
    return false;
  }

  std::string Write(const std::string& file) const {
    std::ostringstream out;
    out << "# Mapping proposed by 'uofa map suggest' for '" << file << "' (" << rows_
        << " rows read), as a record of kind '" << type_->name() << "'.\n"
        << "# Check every entry, above all those marked 'unsure', then put it under 'mappings:'\n"
        << "# in uofa.yaml with the file's name in the audit folder (docs/mappings.md).\n"
        << "mappings:\n"
        << "  " << Yaml(SuggestedName()) << ":\n";
    out << "    encoding: "
        << (windows_1252_ ? "windows-1252   # not UTF-8: read as Windows-1252" : "utf-8") << "\n";
    out << "    # found: " << (bom_note()) << (crlf_ ? ", CRLF line ends" : ", LF line ends")
        << "\n";
    std::string separator = separator_ == '\t' ? "tab" : std::string(1, separator_);
    out << "    separator: " << Yaml(separator) << "\n";

    std::string date_format, datetime_format;
    for (const Column& column : columns_) {
      if (column.field == nullptr) continue;
      if (column.field->kind == FieldKind::kDateTime && datetime_format.empty()) {
        datetime_format = DetectDateFormat(column, true);
      } else if (column.field->kind == FieldKind::kDate && date_format.empty()) {
        date_format = DetectDateFormat(column, false);
      }
    }
    if (!date_format.empty()) out << "    date_format: " << Yaml(date_format) << "\n";
    if (!datetime_format.empty()) out << "    datetime_format: " << Yaml(datetime_format) << "\n";

    std::ostringstream renames;
    std::vector<const Column*> unmatched;
    for (const Column& column : columns_) {
      if (column.field == nullptr) {
        unmatched.push_back(&column);
        continue;
      }
      if (column.name == column.field->name) continue;
      renames << "      " << Yaml(column.name) << ": " << column.field->name;
      if (column.score < 0.6) renames << "   # unsure";
      renames << "\n";
    }
    if (!renames.str().empty()) out << "    columns:\n" << renames.str();

    // Booleans: words the contract does not know already.
    std::vector<std::string> yes, no, unknown, odd;
    std::set<std::string> seen;
    for (const Column& column : columns_) {
      if (column.field == nullptr) continue;
      if (column.field->kind != FieldKind::kBool && column.field->kind != FieldKind::kTristate)
        continue;
      for (const std::string& value : column.values) {
        if (!seen.insert(AsciiLower(value)).second) continue;
        if (InList(value, {"y", "n", "true", "false", "1", "0", "u", "unknown"})) continue;
        if (InList(value, kYesWords))
          yes.push_back(value);
        else if (InList(value, kNoWords))
          no.push_back(value);
        else if (InList(value, kUnknownWords))
          unknown.push_back(value);
        else
          odd.push_back(value);
      }
    }
    auto words = [](const std::vector<std::string>& list) {
      std::string text = "[";
      for (std::size_t i = 0; i < list.size(); ++i) text += (i ? ", " : "") + Yaml(list[i]);
      return text + "]";
    };
    if (!yes.empty() || !no.empty() || !unknown.empty()) {
      out << "    booleans:\n";
      if (!yes.empty()) out << "      true: " << words(yes) << "\n";
      if (!no.empty()) out << "      false: " << words(no) << "\n";
      if (!unknown.empty()) out << "      unknown: " << words(unknown) << "\n";
    }
    if (!odd.empty()) out << "    # yes/no values not recognised: " << words(odd) << "\n";

    std::ostringstream values;
    for (const Column& column : columns_) {
      if (column.field == nullptr) continue;
      if (column.field->kind != FieldKind::kCode && column.field->kind != FieldKind::kEnum)
        continue;
      WriteValueMap(values, *column.field, column.values, "      ");
    }
    if (!values.str().empty()) out << "    values:\n" << values.str();

    std::ostringstream splits;
    std::vector<const Column*> still_unmatched;
    for (const Column* column : unmatched) {
      if (!WriteSplit(splits, *column)) still_unmatched.push_back(column);
    }
    if (!splits.str().empty()) out << "    split:\n" << splits.str();
    if (!still_unmatched.empty()) {
      out << "    # columns not matched to a field of '" << type_->name()
          << "' (ignored unless named):\n";
      for (const Column* column : still_unmatched) out << "    #   " << Yaml(column->name) << "\n";
    }
    return out.str();
  }

  std::string bom_note() const { return bom_ ? "a UTF-8 byte-order mark" : "no byte-order mark"; }

  std::string SuggestedName() const {
    const std::string& kind = type_->name();
    if (kind == "incident") return "incidents/incidents.csv";
    for (const RecordType* type : packs_.schemas.All()) {
      if (type->name() != "incident") continue;
      for (const FieldDef& field : type->fields()) {
        if (field.kind == FieldKind::kList && field.of == kind)
          return "incidents/" + field.name + ".csv";
      }
    }
    if (kind == "staff") return "staff.csv";
    return kind + "s.csv";
  }

  const PackSet& packs_;
  Diagnostics& diagnostics_;
  std::vector<Column> columns_;
  const RecordType* type_ = nullptr;
  std::size_t rows_ = 0;
  char separator_ = ',';
  bool windows_1252_ = false;
  bool bom_ = false;
  bool crlf_ = false;
};

}  // namespace

std::optional<std::string> SuggestMapping(const MappingSuggestOptions& options,
                                          Diagnostics& diagnostics) {
  LoadOptions load;
  load.rules_root = options.rules_root;
  std::unique_ptr<PackSet> packs = LoadPacks(load, diagnostics);
  if (!packs) return std::nullopt;
  Suggester suggester(*packs, diagnostics);
  return suggester.Run(options);
}

}  // namespace uofa
