#include "engine/sources/csv_reader.h"

#include <doctest/doctest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace uofa {
namespace {

struct ReadResult {
  std::vector<CsvRow> rows;
  std::vector<CsvReader::Status> statuses;
  Diagnostics diagnostics;
};

CsvReader Reader(const std::string& text) {
  return CsvReader("t.csv", std::make_unique<std::istringstream>(text));
}

// Reads every row; kMalformed rows are kept too so their line can be checked.
ReadResult ReadAll(const std::string& text) {
  ReadResult result;
  CsvReader reader = Reader(text);
  CsvRow row;
  for (int guard = 0; guard < 1000; ++guard) {
    CsvReader::Status status = reader.Next(&row, result.diagnostics);
    if (status == CsvReader::Status::kEnd) return result;
    result.statuses.push_back(status);
    result.rows.push_back(row);
  }
  FAIL("the reader did not reach the end");
  return result;
}

std::vector<std::string> Texts(const CsvRow& row) {
  std::vector<std::string> out;
  for (const CsvCell& cell : row.cells) out.emplace_back(cell.text);
  return out;
}

using Texts_ = std::vector<std::string>;

TEST_CASE("csv: plain rows with cell positions") {
  ReadResult result = ReadAll("a,bb,c\n1,22,333\n");
  REQUIRE(result.rows.size() == 2);
  CHECK(result.diagnostics.Empty());
  CHECK(Texts(result.rows[1]) == Texts_{"1", "22", "333"});
  CHECK(result.rows[1].line == 2);
  CHECK(result.rows[1].cells[0].column == 1);
  CHECK(result.rows[1].cells[1].column == 3);
  CHECK(result.rows[1].cells[2].column == 6);
  CHECK(result.rows[1].cells[2].line == 2);
}

TEST_CASE("csv: no final line break, empty cells and a trailing comma") {
  ReadResult result = ReadAll("a,b,c\n,,\nx,,z");
  REQUIRE(result.rows.size() == 3);
  CHECK(result.diagnostics.Empty());
  CHECK(Texts(result.rows[1]) == Texts_{"", "", ""});
  CHECK(Texts(result.rows[2]) == Texts_{"x", "", "z"});
}

TEST_CASE("csv: quoted fields with commas, doubled quotes and empty quotes") {
  ReadResult result = ReadAll("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"\"\n");
  REQUIRE(result.rows.size() == 2);
  CHECK(result.diagnostics.Empty());
  CHECK(Texts(result.rows[1]) == Texts_{"x, y", "say \"hi\"", ""});
  CHECK(result.rows[1].cells[1].column == 8);  // the opening quote
}

TEST_CASE("csv: embedded line breaks keep later line numbers right") {
  std::string text =
      "id,note\n"
      "1,\"first line\n"
      "second line\n"
      "third\"\n"
      "2,plain\n"
      "3,\"a\r\nb\"\n"
      "4,x\n";
  ReadResult result = ReadAll(text);
  REQUIRE(result.rows.size() == 5);
  CHECK(result.diagnostics.Empty());
  CHECK(result.rows[1].line == 2);
  CHECK(result.rows[1].end_line == 4);
  CHECK(result.rows[1].cells[1].text == "first line\nsecond line\nthird");
  CHECK(result.rows[1].LineText(3) == "second line");
  CHECK(result.rows[2].line == 5);
  CHECK(Texts(result.rows[2]) == Texts_{"2", "plain"});
  CHECK(result.rows[3].line == 6);
  CHECK(result.rows[3].cells[1].text == "a\nb");  // CRLF inside quotes reads as LF
  CHECK(result.rows[4].line == 8);
  CHECK(result.rows[4].cells[1].column == 3);
}

TEST_CASE("csv: CRLF line endings") {
  ReadResult result = ReadAll("a,b\r\n1,2\r\n3,\"x\"\r\n");
  REQUIRE(result.rows.size() == 3);
  CHECK(result.diagnostics.Empty());
  CHECK(Texts(result.rows[1]) == Texts_{"1", "2"});
  CHECK(Texts(result.rows[2]) == Texts_{"3", "x"});
  CHECK(result.rows[2].line == 3);
  CHECK(result.rows[2].LineText(3) == "3,\"x\"");
}

TEST_CASE("csv: a UTF-8 byte order mark is skipped and not counted in columns") {
  ReadResult result = ReadAll("\xEF\xBB\xBFid,name\n1,Zo\xC3\xAB\n");
  REQUIRE(result.rows.size() == 2);
  CHECK(result.diagnostics.Empty());
  CHECK(result.rows[0].cells[0].text == "id");
  CHECK(result.rows[0].cells[0].column == 1);
  CHECK(result.rows[0].cells[1].column == 4);
  CHECK(result.rows[0].LineText(1) == "id,name");
  CHECK(result.rows[1].cells[1].text == "Zo\xC3\xAB");
}

TEST_CASE("csv: a copied row keeps its texts when the reader and the original move on") {
  // Row 2 is split in one pass (plain, quoted, doubled quotes, a line break inside quotes), row 3
  // is read byte by byte (a character above ASCII, a carriage return), row 4 for its key only.
  CsvReader reader = Reader(
      "a,b,c,d\n"
      "plain,\"q,1\",\"say \"\"hi\"\"\",\"x\ny\"\n"
      "zo\xC3\xAB,\"\",\"\"\"\",e\r\n"
      "k1,k2,k3,k4\n");
  Diagnostics diagnostics;
  CsvRow row;
  std::vector<CsvRow> copies;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(reader.Next(&row, diagnostics) == CsvReader::Status::kRow);
    copies.push_back(row);
  }
  REQUIRE(reader.NextCell(1, &row, diagnostics) == CsvReader::Status::kRow);
  CsvRow assigned;
  assigned = row;
  copies.push_back(assigned);
  row = copies[0];
  CHECK(reader.Next(&row, diagnostics) == CsvReader::Status::kEnd);
  CHECK(diagnostics.Items().empty());
  CHECK(Texts(copies[0]) == Texts_{"a", "b", "c", "d"});
  CHECK(Texts(copies[1]) == Texts_{"plain", "q,1", "say \"hi\"", "x\ny"});
  CHECK(copies[1].LineText(3) == "y\"");
  CHECK(Texts(copies[2]) == Texts_{"zo\xC3\xAB", "", "\"", "e"});
  CHECK(copies[2].LineText(4) == "zo\xC3\xAB,\"\",\"\"\"\",e");
  CHECK(Texts(copies[3]) == Texts_{"", "k2", "", ""});
  CHECK(Texts(row) == Texts_{"a", "b", "c", "d"});
}

TEST_CASE("csv: blank lines hold no row") {
  ReadResult result = ReadAll("a,b\n\n1,2\r\n\r\n\n3,4\n\n");
  REQUIRE(result.rows.size() == 3);
  CHECK(result.diagnostics.Empty());
  CHECK(result.rows[1].line == 3);
  CHECK(result.rows[2].line == 6);
}

TEST_CASE("csv: an empty input has no rows") {
  CHECK(ReadAll("").rows.empty());
  CHECK(ReadAll("\xEF\xBB\xBF").rows.empty());
  CHECK(ReadAll("\n\n").rows.empty());
}

TEST_CASE("csv: ragged rows are rejected at the first extra cell or the row's end") {
  ReadResult result = ReadAll("a,b,c\n1,2,3,4\n1,2\n1,2,3\n");
  REQUIRE(result.rows.size() == 4);
  CHECK(result.statuses[1] == CsvReader::Status::kMalformed);
  CHECK(result.statuses[2] == CsvReader::Status::kMalformed);
  CHECK(result.statuses[3] == CsvReader::Status::kRow);
  CHECK(result.diagnostics.Format() ==
        "t.csv:2:7: error: row has 4 cells but the header has 3\n"
        "  1,2,3,4\n"
        "        ^\n"
        "t.csv:3:4: error: row has 2 cells but the header has 3\n"
        "  1,2\n"
        "     ^\n");
}

TEST_CASE("csv: a stray quote in an unquoted field") {
  ReadResult result = ReadAll("a,b\n1,ab\"c\n2,ok\n");
  REQUIRE(result.rows.size() == 3);
  CHECK(result.statuses[1] == CsvReader::Status::kMalformed);
  CHECK(result.statuses[2] == CsvReader::Status::kRow);
  CHECK(result.diagnostics.Format() ==
        "t.csv:2:5: error: stray '\"' in an unquoted field: quote the whole field and double the "
        "'\"'\n"
        "  1,ab\"c\n"
        "      ^\n");
}

TEST_CASE("csv: text after a closing quote") {
  ReadResult result = ReadAll("a,b\n1,\"ab\"c,\n2,ok\n");
  CHECK(result.statuses[1] == CsvReader::Status::kMalformed);
  CHECK(result.diagnostics.Items().size() == 1);
  CHECK(FormatDiagnostic(result.diagnostics.Items()[0]) ==
        "t.csv:2:7: error: unexpected text after the closing '\"' of a quoted field\n"
        "  1,\"ab\"c,\n"
        "        ^\n");
  CHECK(result.statuses[2] == CsvReader::Status::kRow);
}

TEST_CASE("csv: an unterminated quote resumes on the next line") {
  std::string text =
      "id,note\n"
      "1,ok\n"
      "2,\"never closed\n"
      "3,fine\n"
      "4,also fine\n";
  ReadResult result = ReadAll(text);
  REQUIRE(result.rows.size() == 5);
  CHECK(result.statuses[2] == CsvReader::Status::kMalformed);
  CHECK(result.rows[2].line == 3);
  CHECK(result.diagnostics.Format() ==
        "t.csv:3:3: error: unterminated quoted field: no closing '\"' before the end of the file\n"
        "  2,\"never closed\n"
        "    ^\n");
  CHECK(result.statuses[3] == CsvReader::Status::kRow);
  CHECK(result.rows[3].line == 4);
  CHECK(Texts(result.rows[3]) == Texts_{"3", "fine"});
  // The last row was read once, after the resumption; nothing is read twice.
  CHECK(result.rows.back().line == 5);
}

TEST_CASE("csv: an unterminated quote on the last line ends the input") {
  ReadResult result = ReadAll("a,b\n1,\"open");
  REQUIRE(result.rows.size() == 2);
  CHECK(result.statuses[1] == CsvReader::Status::kMalformed);
  CHECK(result.diagnostics.ErrorCount() == 1);
  CHECK(result.diagnostics.Items()[0].location.line == 2);
  CHECK(result.diagnostics.Items()[0].location.column == 3);
}

TEST_CASE("csv: invalid UTF-8 is an error at the bad byte") {
  ReadResult result = ReadAll("a,b\n1,caf\xE9\n2,\"x\ny\xFF\"\n3,\xC3\n4,ok\n");
  REQUIRE(result.rows.size() == 5);
  CHECK(result.statuses[1] == CsvReader::Status::kMalformed);
  CHECK(result.statuses[2] == CsvReader::Status::kMalformed);
  CHECK(result.statuses[3] == CsvReader::Status::kMalformed);
  CHECK(result.statuses[4] == CsvReader::Status::kRow);
  REQUIRE(result.diagnostics.Items().size() == 3);
  const auto& items = result.diagnostics.Items();
  CHECK(items[0].message == "invalid UTF-8 (byte 0xe9); if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml");
  CHECK(items[0].location.line == 2);
  CHECK(items[0].location.column == 6);
  CHECK(items[1].message == "invalid UTF-8 (byte 0xff); if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml");
  CHECK(items[1].location.line == 4);
  CHECK(items[1].location.column == 2);
  CHECK(items[1].source_line == "y\xFF\"");
  CHECK(items[2].message == "invalid UTF-8 (byte 0xc3); if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml");  // cut short by the line end
  CHECK(items[2].location.line == 5);
  CHECK(items[2].location.column == 3);
  CHECK(result.rows[4].line == 6);
}

TEST_CASE("csv: overlong and surrogate encodings are invalid; 4-byte characters are valid") {
  CHECK(ReadAll("a\n\xC0\xAF\n").diagnostics.Items().at(0).message == "invalid UTF-8 (byte 0xc0); if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml");
  CHECK(ReadAll("a\n\xED\xA0\x80\n").diagnostics.Items().at(0).message == "invalid UTF-8 (byte 0xed); if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml");
  CHECK(ReadAll("a\n\xF0\x9F\x98\x80\n").diagnostics.Empty());
}

TEST_CASE("csv: the expected cell count may be set before reading") {
  CsvReader reader = Reader("1,2\n1,2,3\n");
  reader.set_expected_cells(3);
  CsvRow row;
  Diagnostics diagnostics;
  CHECK(reader.Next(&row, diagnostics) == CsvReader::Status::kMalformed);
  CHECK(reader.Next(&row, diagnostics) == CsvReader::Status::kRow);
  CHECK(reader.Next(&row, diagnostics) == CsvReader::Status::kEnd);
  CHECK(reader.Next(&row, diagnostics) == CsvReader::Status::kEnd);
}

TEST_CASE("csv: rows larger than the read buffer") {
  std::string big(200000, 'x');
  std::string text = "a,b\n1,\"" + big + "\n" + big + "\"\n2," + big + "\n3,end\n";
  ReadResult result = ReadAll(text);
  REQUIRE(result.rows.size() == 4);
  CHECK(result.diagnostics.Empty());
  CHECK(result.rows[1].cells[1].text.size() == 2 * big.size() + 1);
  CHECK(result.rows[2].line == 4);
  CHECK(result.rows[2].cells[1].text == big);
  CHECK(result.rows[3].line == 5);
}

TEST_CASE("csv: rows split in one pass and rows read byte by byte agree, across read chunks") {
  // Every row has a quoted line break and doubled quotes. The rows that straddle the end of a
  // chunk of input are read byte by byte, the others split in one pass: all must read the same.
  std::string text = "id,note,tail\n";
  const int rows = 4000;
  for (int i = 0; i < rows; ++i) {
    text += std::to_string(i) + ",\"say \"\"" + std::to_string(i) + "\"\"\nagain\"," +
            std::string(i % 23, 't') + "\n";
  }
  REQUIRE(text.size() > 2 * (std::size_t{1} << 16));
  CsvReader reader = Reader(text);
  Diagnostics problems;
  CsvRow row;
  REQUIRE(reader.Next(&row, problems) == CsvReader::Status::kRow);  // the header
  for (int i = 0; i < rows; ++i) {
    CAPTURE(i);
    REQUIRE(reader.Next(&row, problems) == CsvReader::Status::kRow);
    const int line = 2 + 2 * i;
    const std::string id = std::to_string(i);
    const std::string tail(i % 23, 't');
    CHECK(row.line == line);
    CHECK(row.end_line == line + 1);
    CHECK(Texts(row) == Texts_{id, "say \"" + id + "\"\nagain", tail});
    CHECK(row.cells[1].line == line);
    CHECK(row.cells[1].column == static_cast<int>(id.size()) + 2);  // the opening quote
    CHECK(row.cells[2].line == line + 1);
    CHECK(row.cells[2].column == 8);  // after 'again",'
    CHECK(row.LineText(line) == id + ",\"say \"\"" + id + "\"\"");
    CHECK(row.LineText(line + 1) == "again\"," + tail);
  }
  CHECK(reader.Next(&row, problems) == CsvReader::Status::kEnd);
  CHECK(reader.bytes_read() == text.size());
  CHECK(problems.Empty());
}

TEST_CASE("csv: hostile inputs end without a crash or a loop") {
  for (std::string text : {std::string("\""), std::string("\"\"\""), std::string(",,,\n\"\n\"\n\""),
                           std::string("a\n\"\n\"\n\"\n\"\n\"\n"), std::string("\r\r\r"),
                           std::string("\"a\"\"\n\""), std::string(1000, '"'),
                           std::string("a,b\n") + std::string(3000, '\n') + "\"x"}) {
    ReadResult result = ReadAll(text);
    CHECK(result.rows.size() <= text.size());
  }
}

TEST_CASE("csv: Open reports a file it cannot read") {
  Diagnostics diagnostics;
  CHECK(CsvReader::Open("/nonexistent/x.csv", diagnostics) == nullptr);
  CHECK(diagnostics.Format() == "/nonexistent/x.csv: error: cannot read '/nonexistent/x.csv'\n");
}

}  // namespace
}  // namespace uofa

namespace uofa {
namespace {

// Every row as Next reads it, then as NextCell reads it for `column` (after the header): the
// same statuses, and for rows read, the same text and position of that cell, and the same lines.
void CheckNextCellAgreesWithNext(const std::string& text, std::size_t max_row_bytes) {
  for (std::size_t column = 0; column < 3; ++column) {
    CAPTURE(text);
    CAPTURE(column);
    CsvReader full = Reader(text);
    CsvReader quick = Reader(text);
    full.set_max_row_bytes(max_row_bytes);
    quick.set_max_row_bytes(max_row_bytes);
    Diagnostics full_problems;
    Diagnostics quick_problems;
    CsvRow full_row;
    CsvRow quick_row;
    bool header = true;
    for (int guard = 0; guard < 200; ++guard) {
      CsvReader::Status a = full.Next(&full_row, full_problems);
      CsvReader::Status b = header ? quick.Next(&quick_row, quick_problems)
                                   : quick.NextCell(column, &quick_row, quick_problems);
      header = false;
      REQUIRE(a == b);
      if (a == CsvReader::Status::kEnd) break;
      CHECK(full.bytes_read() == quick.bytes_read());
      if (a != CsvReader::Status::kRow || column >= full_row.cells.size()) continue;
      CHECK(quick_row.line == full_row.line);
      CHECK(quick_row.end_line == full_row.end_line);
      REQUIRE(column < quick_row.cells.size());
      CHECK(quick_row.cells[column].text == full_row.cells[column].text);
      CHECK(quick_row.cells[column].line == full_row.cells[column].line);
      CHECK(quick_row.cells[column].column == full_row.cells[column].column);
    }
    // Problems NextCell leaves to Next are reported as Next reports them.
    CHECK(quick_problems.Format() == full_problems.Format());
  }
}

TEST_CASE("csv: NextCell reads the same rows as Next, whatever they hold") {
  // Rows made of random pieces: plain and quoted cells, separators and line breaks inside quotes,
  // doubled and stray quotes, carriage returns, UTF-8 and bytes that are not, blank lines,
  // missing and extra cells, a last line without a break.
  const std::vector<std::string> pieces = {
      "a",  "bc", "",      ",",   ",",     ",",    "\"q\"", "\"x,y\"", "\"l1\nl2\"", "\"d\"\"q\"",
      "\n", "\n", "\r\n",  "\"",  "x\"y",  "\"t\"z", "caf\xc3\xa9", "\xe9", "\r",   "\"\"",
      " ",  "\n\n",
      // Runs longer than sixteen bytes, with the byte that matters at every distance.
      "abcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcdefghij\xc3\xa9klmnopqrstu",
      "\"0123456789abcdef,ghijklmnopqrstuv\"", "0123456789abcdefghijklmno\"pq",
      "\"0123456789abcdefghijklmnopqrstu\nvwxyz\"", "0123456789abcdefghi\rjk"};
  std::uint32_t state = 12345;
  auto next = [&state]() {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text = "h1,h2,h3\n";
    const int count = static_cast<int>(next() % 40);
    for (int i = 0; i < count; ++i) text += pieces[next() % pieces.size()];
    CheckNextCellAgreesWithNext(text, round % 5 == 0 ? 12 : CsvReader::kDefaultMaxRowBytes);
  }
  // Rows that NextCell splits itself, with the key in every column and quoted keys.
  CheckNextCellAgreesWithNext(
      "h1,h2,h3\nA,B,C\n\"A,1\",\"B\"\"2\",\"C\n3\"\nx,\"multi\nline\",z\n,,\n", 1 << 20);
}

TEST_CASE("csv: NextCell counts the cells after the key as Next does, in runs of separators") {
  // Wide rows whose cells after the key are counted sixteen bytes at a time: runs of separators
  // and short cells with a quote, line break, carriage return or byte above ASCII at every
  // distance, rows a cell short or a cell over, and quotes that open a cell or stray inside one.
  const std::vector<std::string> pieces = {
      ",",          ",,,,,,,,,,,,,,,,,,,,,,", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p", "0123456789,ab,",
      "\"q\"",      "\"x,\ny\"",                 "x\"y",  "\n",         "\r\n",   "\xc3\xa9",
      "\xe9",       ",,,,,,,\"quoted,cell\",,,", "abcdefghijklmnop,", ",,,,,,,,,,,,,,,,\n",
      "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19\n"};
  std::string header = "h0";
  for (int i = 1; i < 20; ++i) header += ",h" + std::to_string(i);
  header += "\n";
  std::uint32_t state = 987654321;
  auto next = [&state]() {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text = header;
    const int count = static_cast<int>(next() % 60);
    for (int i = 0; i < count; ++i) text += pieces[next() % pieces.size()];
    CheckNextCellAgreesWithNext(text, round % 7 == 0 ? 40 : CsvReader::kDefaultMaxRowBytes);
  }
}

}  // namespace
}  // namespace uofa
