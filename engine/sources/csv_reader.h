// CsvReader: RFC 4180 CSV read row by row from a stream, with the line and column of every cell,
// so that a problem in a cell can be reported at `path:line:col`.
//
// The reader holds one row at a time (and a fixed-size read buffer), never the whole file.
// Accepted: a header row like any other, quoted fields holding commas, doubled quotes and line
// breaks, LF or CRLF line endings, and a UTF-8 byte order mark at the start (skipped). Blank lines
// are skipped. Inside a quoted field CRLF is read as LF.
//
// A malformed row (unterminated quote, a stray quote inside an unquoted field, text after a
// closing quote, invalid UTF-8, a number of cells different from the first row's) is reported as
// one positioned error and Next returns kMalformed; reading continues with the next row. When a
// quoted field runs to the end of the file, reading resumes on the line after the one the row
// started on, so that one missing quote does not swallow the rest of the file.
//
// A row holds at most max_row_bytes() bytes (kDefaultMaxRowBytes, 16 MiB, unless set): a longer
// row is an error at the byte where it crosses the limit, and the rest of that line is skipped
// without being kept, so that memory stays bounded whatever the input.
#ifndef UOFA_ENGINE_SOURCES_CSV_READER_H_
#define UOFA_ENGINE_SOURCES_CSV_READER_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sources/read_buffer.h"
#include "uofa/diagnostic.h"

namespace uofa {

/// One cell of a row. Its text is a view into the row that holds it: valid while that row is
/// not read into again (a copy of the row holds its own).
struct CsvCell {
  std::string_view text;  ///< unquoted, doubled quotes collapsed
  int line = 0;           ///< 1-based line of the cell's first byte
  int column = 0;         ///< 1-based byte column of the cell's first byte (the quote, when quoted)
};

struct CsvRow {
  int line = 0;      ///< 1-based line where the row starts
  int end_line = 0;  ///< 1-based line where the row ends (later than `line` with quoted line breaks)
  std::vector<CsvCell> cells;

  CsvRow() = default;
  CsvRow(const CsvRow& other);
  CsvRow& operator=(const CsvRow& other);

  /// Text of one of the row's lines (line..end_line), without its line ending; "" otherwise.
  std::string_view LineText(int line_number) const;

  /// For row sources other than a CSV file: the row becomes `count` empty cells without source
  /// text, and SetCell gives cell `index` a copy of `text` and a position.
  void ResetCells(std::size_t count);
  void SetCell(std::size_t index, std::string_view text, int line, int column);

 private:
  friend class CsvReader;
  // Points every cell's text at its own_ string (once those are complete).
  void ViewOwnTexts();
  // Moves the texts that view the `size` bytes at `bytes` (the read buffer, or another row's
  // raw_) to the same bytes of raw_, which holds a copy of them.
  void MoveViewsToRaw(const char* bytes, std::size_t size);

  std::string raw_;                       // the row's bytes as read, lines joined by '\n'
  std::vector<std::size_t> line_starts_;  // offset in raw_ of each of the row's lines
  // The texts of cells that are not a run of raw_ as read (quotes collapsed, decoded from
  // Windows-1252, or from a database), by cell; the others' texts are views into raw_.
  std::vector<std::string> own_;
};

class CsvReader {
 public:
  enum class Status { kRow, kMalformed, kEnd };

  /// Reads from `input`; `path` names the input in diagnostics.
  CsvReader(std::string path, std::unique_ptr<std::istream> input);

  /// Opens a file; nullptr (and an error naming the path) when it cannot be opened.
  static std::unique_ptr<CsvReader> Open(const std::string& path, Diagnostics& diagnostics);

  /// Reads the next row into `*row` (kRow). kMalformed: the row was reported to `diagnostics`
  /// and `*row` holds what could be read of it; kEnd: no more rows (a read failure is reported).
  Status Next(CsvRow* row, Diagnostics& diagnostics);
  /// The same rows as Next, for a pass that needs one cell of each (the keys of a table): a row
  /// Next would read without a problem, in ASCII without carriage returns, is split with only
  /// `row->cells[column]` (text and position) filled in; any other row is read by Next. Once
  /// the header has been read.
  Status NextCell(std::size_t column, CsvRow* row, Diagnostics& diagnostics);

  static constexpr std::size_t kDefaultMaxRowBytes = std::size_t{16} << 20;

  /// The longest row read (its bytes as written, quotes and line breaks included).
  void set_max_row_bytes(std::size_t bytes) { max_row_bytes_ = bytes; }
  std::size_t max_row_bytes() const { return max_row_bytes_; }

  /// The byte between cells: ',' (the default), or ';' or a tab as some exports write.
  void set_separator(char separator) { separator_ = separator; }
  char separator() const { return separator_; }

  /// Reads the file as Windows-1252 rather than UTF-8: cells and line texts come out as UTF-8,
  /// positions still count the file's bytes, and the five bytes the code page leaves undefined
  /// are errors.
  void set_windows_1252(bool windows_1252) { windows_1252_ = windows_1252; }

  /// Leaves the source line out of the errors about malformed rows: set when the file holds
  /// patient identifiers, since a malformed row's cells cannot be told apart to hide them.
  void set_hide_source_lines(bool hide) { hide_source_lines_ = hide; }

  /// Bytes of the input consumed so far (for progress against the file's size).
  std::size_t bytes_read() const { return buffer_start_ + position_; }

  /// The number of cells every row must have; 0 (the default) takes it from the first row read.
  void set_expected_cells(std::size_t count) { expected_cells_ = count; }
  std::size_t expected_cells() const { return expected_cells_; }

  const std::string& path() const { return path_; }

 private:
  static constexpr std::size_t kChunkSize = 1 << 16;

  // The source line shown under an error about a malformed row, unless lines are hidden.
  std::string ErrorLine(const CsvRow& row, int line) const {
    return hide_source_lines_ ? std::string() : std::string(row.LineText(line));
  }
  static constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

  // Makes at least `count` unread bytes available unless the input ends first.
  bool Fill(std::size_t count) { return buffer_.size() - position_ >= count || Refill(count); }
  // Fill's reading, out of line: the bytes asked for are mostly there already.
  bool Refill(std::size_t count);
  // The byte `ahead` positions past the read position, or -1 past the end of the input.
  int Peek(std::size_t ahead = 0) {
    if (!Fill(ahead + 1)) return -1;
    return static_cast<unsigned char>(buffer_[position_ + ahead]);
  }
  // Consumes one byte into the current row: keeps line, column, raw text and UTF-8 state.
  void Advance(CsvRow* row);
  // Consumes the longest run of plain ASCII bytes (no quote, line break or, outside quotes,
  // comma) into `text` at once: the common case, without the per-byte bookkeeping.
  void ConsumePlainRun(CsvRow* row, std::string* text, bool quoted);
  // Next for a row already in the buffer that it would read without a problem (the rows NextCell
  // splits itself, with the header's number of cells): split in one pass over its bytes, rather
  // than byte by byte with Next's bookkeeping. False, with nothing consumed, for any other row,
  // which Next then reads from the start.
  bool ReadSimpleRow(CsvRow* row);
  // Next for any other row: byte by byte, into the row's own texts.
  Status ReadRowByBytes(CsvRow* row, Diagnostics& diagnostics);
  // Consumes one byte that belongs to no row (blank lines, the row's line ending).
  void Skip();
  bool AtRowEnd();
  void Fail(int line, int column, std::string message);
  void CheckUtf8(unsigned char byte);
  // Windows-1252 input: turns the row's cells and text into UTF-8 once the row is read.
  void DecodeRow(CsvRow* row);
  void Seek(std::size_t offset, int line);
  // The row has crossed max_row_bytes_: reports it, drops what was kept of it and skips the rest
  // of the current line.
  Status RejectOverlongRow(CsvRow* row, Diagnostics& diagnostics);

  std::string path_;
  std::unique_ptr<std::istream> input_;
  ReadBuffer buffer_;
  std::size_t position_ = 0;     // read position in buffer_
  std::size_t buffer_start_ = 0; // offset in the input of buffer_[0]
  bool input_done_ = false;
  bool read_failed_ = false;
  bool started_ = false;
  int line_ = 1;
  int column_ = 1;
  std::size_t expected_cells_ = 0;
  std::size_t max_row_bytes_ = kDefaultMaxRowBytes;
  char separator_ = ',';
  bool windows_1252_ = false;
  bool hide_source_lines_ = false;
  bool row_has_high_bytes_ = false;
  std::string decode_scratch_;
  std::string key_scratch_;  // the cell NextCell reads

  // Per-row state.
  bool failed_ = false;
  int fail_line_ = 0;
  int fail_column_ = 0;
  std::string fail_message_;
  std::size_t resume_offset_ = kNoOffset;  // offset just after the row's first line break
  int resume_line_ = 0;
  int utf8_pending_ = 0;  // continuation bytes still expected
  unsigned char utf8_low_ = 0x80, utf8_high_ = 0xBF;  // range of the next continuation byte
  unsigned char utf8_lead_ = 0;
  int utf8_line_ = 0, utf8_column_ = 0;  // where the current sequence started
};

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_CSV_READER_H_
