#include "engine/sources/csv_reader.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <climits>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <utility>

#include "engine/sources/utf8.h"
#include "engine/sources/windows_1252.h"
#include "uofa/data_quality.h"

namespace uofa {
namespace {

// A malformed data row is rejected: a data-quality finding. A malformed header row is not (the
// file is not read at all, which is reported as a problem of the input on its own).
std::string RowCode(std::size_t expected_cells) {
  return expected_cells == 0 ? std::string() : std::string(kDqRejectedRow);
}

// Text exported from Excel on Windows is often Windows-1252: say how to read it.
constexpr const char* kWindows1252Hint =
    "; if the file is Windows-1252, give it 'encoding: windows-1252' in the mappings of uofa.yaml";

// The number of bytes at the start of [p, p + n) that need no decision (ConsumePlainRun,
// NextCell): not a quote, line break, carriage return or byte above ASCII, nor (outside quotes)
// the separator. Sixteen bytes at a time where SSE2 is available. Always inlined: it runs once
// per cell, and inlined into a row's loop its comparison constants are set once per row.
[[gnu::always_inline]] inline std::size_t PlainBytes(const char* p, std::size_t n, char separator,
                                                  bool quoted) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i carriage = _mm_set1_epi8('\r');
  const __m128i split = _mm_set1_epi8(quoted ? '"' : separator);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, newline)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, carriage), _mm_cmpeq_epi8(v, split)));
    // movemask of the bytes themselves: their top bits, set above ASCII.
    const int mask = _mm_movemask_epi8(special) | _mm_movemask_epi8(v);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80 || c == '"' || c == '\n' || c == '\r') break;
    if (!quoted && c == static_cast<unsigned char>(separator)) break;
  }
  return i;
}

// The number of bits set in a 16-bit mask, without a call into the compiler's library (which
// __builtin_popcount is without the POPCNT instruction enabled).
constexpr std::size_t BitCount16(unsigned mask) {
  mask = mask - ((mask >> 1) & 0x5555u);
  mask = (mask & 0x3333u) + ((mask >> 2) & 0x3333u);
  mask = (mask + (mask >> 4)) & 0x0F0Fu;
  return (mask + (mask >> 8)) & 0x1Fu;
}
static_assert(BitCount16(0) == 0 && BitCount16(0xFFFFu) == 16 && BitCount16(0x8001u) == 2 &&
              BitCount16(0x5555u) == 8 && BitCount16(0x0F0Fu) == 8);

// Past the key cell of NextCell, where separators only need counting: the number of bytes at the
// start of [p, p + n) that are plain or separators (not a quote, line break, carriage return or
// byte above ASCII). Adds the separators among them to *separators and sets *after_last to the
// offset just past the last of them (unchanged when there is none). Sixteen bytes at a time where
// SSE2 is available, without stopping at each separator.
std::size_t CountSeparators(const char* p, std::size_t n, char separator, std::size_t* separators,
                            std::size_t* after_last) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i carriage = _mm_set1_epi8('\r');
  const __m128i split = _mm_set1_epi8(separator);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, newline),
                                                      _mm_cmpeq_epi8(v, carriage)));
    const unsigned stop =
        static_cast<unsigned>(_mm_movemask_epi8(special) | _mm_movemask_epi8(v));
    unsigned splits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, split)));
    const unsigned before = stop != 0 ? (1u << __builtin_ctz(stop)) - 1 : 0xFFFFu;
    splits &= before;
    if (splits != 0) {
      *separators += BitCount16(splits);
      *after_last = i + static_cast<std::size_t>(31 - __builtin_clz(splits)) + 1;
    }
    if (stop != 0) return i + static_cast<std::size_t>(__builtin_ctz(stop));
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80 || c == '"' || c == '\n' || c == '\r') break;
    if (c == static_cast<unsigned char>(separator)) {
      ++*separators;
      *after_last = i + 1;
    }
  }
  return i;
}

}  // namespace

CsvRow::CsvRow(const CsvRow& other) { *this = other; }

CsvRow& CsvRow::operator=(const CsvRow& other) {
  if (this == &other) return *this;
  line = other.line;
  end_line = other.end_line;
  cells = other.cells;
  raw_ = other.raw_;
  line_starts_ = other.line_starts_;
  own_ = other.own_;
  // The copied cells still view `other`'s texts: each is moved to the same text in this row.
  for (std::size_t k = 0; k < cells.size() && k < own_.size(); ++k) {
    if (cells[k].text.data() == other.own_[k].data()) cells[k].text = own_[k];
  }
  MoveViewsToRaw(other.raw_.data(), other.raw_.size());
  return *this;
}

void CsvRow::MoveViewsToRaw(const char* bytes, std::size_t size) {
  const auto from = reinterpret_cast<std::uintptr_t>(bytes);
  for (CsvCell& cell : cells) {
    const auto at = reinterpret_cast<std::uintptr_t>(cell.text.data());
    // Unsigned: a view before `bytes` wraps round to more than `size`.
    if (at - from <= size) {
      cell.text = std::string_view(raw_.data() + (at - from), cell.text.size());
    }
  }
}

void CsvRow::ResetCells(std::size_t count) {
  raw_.clear();
  line_starts_.assign(1, 0);
  cells.assign(count, CsvCell{});
  if (own_.size() < count) own_.resize(count);
}

void CsvRow::SetCell(std::size_t index, std::string_view text, int line, int column) {
  own_[index].assign(text);
  cells[index] = {own_[index], line, column};
}

void CsvRow::ViewOwnTexts() {
  for (std::size_t k = 0; k < cells.size(); ++k) {
    cells[k].text = k < own_.size() ? std::string_view(own_[k]) : std::string_view();
  }
}

std::string_view CsvRow::LineText(int line_number) const {
  int index = line_number - line;
  if (index < 0 || index >= static_cast<int>(line_starts_.size())) return {};
  std::size_t begin = line_starts_[index];
  std::size_t end = index + 1 < static_cast<int>(line_starts_.size()) ? line_starts_[index + 1] - 1
                                                                      : raw_.size();
  std::string_view text(raw_.data() + begin, end - begin);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

CsvReader::CsvReader(std::string path, std::unique_ptr<std::istream> input)
    : path_(std::move(path)), input_(std::move(input)) {}

std::unique_ptr<CsvReader> CsvReader::Open(const std::string& path, Diagnostics& diagnostics) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) {
    diagnostics.Error({path, 0, 0}, "cannot read '" + path + "'");
    return nullptr;
  }
  return std::make_unique<CsvReader>(path, std::move(file));
}

bool CsvReader::Refill(std::size_t count) {
  while (buffer_.size() - position_ < count) {
    if (input_done_) return false;
    if (position_ > 0) {
      buffer_.DropFront(position_);
      buffer_start_ += position_;
      position_ = 0;
    }
    const std::size_t got = buffer_.ReadFrom(*input_, kChunkSize);
    if (got < kChunkSize) {
      input_done_ = true;
      if (input_->bad()) read_failed_ = true;
    }
  }
  return true;
}

void CsvReader::Skip() {
  if (!Fill(1)) return;
  if (buffer_[position_] == '\n') {
    ++line_;
    column_ = 1;
  } else {
    ++column_;
  }
  ++position_;
}

void CsvReader::Advance(CsvRow* row) {
  if (!Fill(1)) return;
  char byte = buffer_[position_];
  // An ASCII byte outside a multi-byte character needs no check (most bytes Advance reads are
  // separators and line breaks).
  if (static_cast<unsigned char>(byte) >= 0x80 || utf8_pending_ > 0) {
    CheckUtf8(static_cast<unsigned char>(byte));
  }
  row->raw_ += byte;
  ++position_;
  if (byte == '\n') {
    if (resume_offset_ == kNoOffset) {
      resume_offset_ = buffer_start_ + position_;
      resume_line_ = line_ + 1;
    }
    ++line_;
    column_ = 1;
    row->line_starts_.push_back(row->raw_.size());
  } else {
    ++column_;
  }
}

void CsvReader::ConsumePlainRun(CsvRow* row, std::string* text, bool quoted) {
  if (utf8_pending_ > 0) return;
  const char* begin = buffer_.data() + position_;
  const std::size_t count = PlainBytes(begin, buffer_.size() - position_, separator_, quoted);
  if (count == 0) return;
  text->append(begin, count);
  row->raw_.append(begin, count);
  position_ += count;
  column_ += static_cast<int>(count);
}

bool CsvReader::AtRowEnd() {
  int c = Peek();
  if (c < 0 || c == '\n') return true;
  if (c == '\r') {
    int next = Peek(1);
    return next == '\n' || next < 0;
  }
  return false;
}

void CsvReader::Fail(int line, int column, std::string message) {
  if (failed_) return;  // the first problem of a row is the one reported
  failed_ = true;
  fail_line_ = line;
  fail_column_ = column;
  fail_message_ = std::move(message);
}

// UTF-8 well-formedness (as FindInvalidUtf8), one byte at a time, so that the error points at the
// byte where the bad sequence starts even inside a quoted field spanning lines.
void CsvReader::CheckUtf8(unsigned char byte) {
  if (windows_1252_) {
    if (byte < 0x80) return;
    row_has_high_bytes_ = true;
    if (IsUndefinedInWindows1252(byte)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", byte);
      Fail(line_, column_, std::string("byte ") + hex + " is not a character in Windows-1252");
    }
    return;
  }
  auto invalid = [this](int line, int column, unsigned char lead) {
    Fail(line, column, InvalidUtf8Message(lead) + kWindows1252Hint);
    utf8_pending_ = 0;
  };
  if (utf8_pending_ > 0) {
    if (byte >= utf8_low_ && byte <= utf8_high_) {
      --utf8_pending_;
      utf8_low_ = 0x80;
      utf8_high_ = 0xBF;
      return;
    }
    invalid(utf8_line_, utf8_column_, utf8_lead_);
    // Fall through: the byte may start a sequence of its own, but the row is rejected anyway.
    return;
  }
  if (byte < 0x80) return;
  utf8_lead_ = byte;
  utf8_line_ = line_;
  utf8_column_ = column_;
  utf8_low_ = 0x80;
  utf8_high_ = 0xBF;
  if (byte >= 0xC2 && byte <= 0xDF) {
    utf8_pending_ = 1;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    utf8_pending_ = 2;
    if (byte == 0xE0) utf8_low_ = 0xA0;
    if (byte == 0xED) utf8_high_ = 0x9F;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    utf8_pending_ = 3;
    if (byte == 0xF0) utf8_low_ = 0x90;
    if (byte == 0xF4) utf8_high_ = 0x8F;
  } else {
    invalid(line_, column_, byte);
  }
}

void CsvReader::DecodeRow(CsvRow* row) {
  for (std::size_t k = 0; k < row->cells.size(); ++k) {
    DecodeWindows1252InPlace(&row->own_[k], &decode_scratch_);
  }
  DecodeWindows1252InPlace(&row->raw_, &decode_scratch_);
  row->line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < row->raw_.size(); ++i) {
    if (row->raw_[i] == '\n') row->line_starts_.push_back(i + 1);
  }
}

void CsvReader::Seek(std::size_t offset, int line) {
  buffer_.clear();
  position_ = 0;
  buffer_start_ = offset;
  line_ = line;
  column_ = 1;
  input_->clear();
  input_->seekg(static_cast<std::streamoff>(offset));
  input_done_ = !*input_;
}

CsvReader::Status CsvReader::RejectOverlongRow(CsvRow* row, Diagnostics& diagnostics) {
  diagnostics.DataQuality(Severity::kError, {path_, line_, column_}, RowCode(expected_cells_), {},
                          "row is longer than " + std::to_string(max_row_bytes_) +
                              " bytes, the most a CSV row may hold; the rest of its line is skipped");
  // Skip to the end of the line in whole buffers, keeping nothing.
  for (;;) {
    if (position_ == buffer_.size() && !Fill(1)) break;
    std::size_t newline = buffer_.find('\n', position_);
    if (newline != std::string::npos) {
      position_ = newline + 1;
      ++line_;
      column_ = 1;
      break;
    }
    std::size_t skipped = buffer_.size() - position_;
    column_ = skipped > static_cast<std::size_t>(INT_MAX - column_) ? INT_MAX
                                                                     : column_ + static_cast<int>(skipped);
    position_ = buffer_.size();
  }
  std::string().swap(row->raw_);
  row->line_starts_.assign(1, 0);
  row->cells.clear();
  row->cells.shrink_to_fit();
  std::vector<std::string>().swap(row->own_);
  row->end_line = line_ - 1;
  utf8_pending_ = 0;
  return Status::kMalformed;
}

bool CsvReader::ReadSimpleRow(CsvRow* row) {
  const char separator = separator_;
  const char* const begin = buffer_.data() + position_;
  const std::size_t available = buffer_.size() - position_;
  std::size_t count = 0;  // cells started
  int line = line_;
  std::size_t line_start = 0;  // offset of the current line's first byte
  row->line_starts_.assign(1, 0);
  // Sized before any text is viewed, so that no text moves while the row is read.
  if (row->cells.size() < expected_cells_) row->cells.resize(expected_cells_);
  if (row->own_.size() < expected_cells_) row->own_.resize(expected_cells_);
  for (std::size_t i = 0;;) {  // at the start of a cell
    if (count == expected_cells_) return false;  // more cells than the header: Next reports it
    CsvCell& cell = row->cells[count];
    std::string& own = row->own_[count];
    ++count;
    cell.line = line;
    cell.column = static_cast<int>(i - line_start) + 1;
    // A cell's text is a view of the buffer, moved to the row's copy of it below, unless a doubled
    // quote makes it differ from the bytes as written: then it is collapsed into `own`.
    if (i < available && begin[i] == '"') {
      const std::size_t start = ++i;
      bool collapsed = false;
      for (;;) {
        const std::size_t plain = PlainBytes(begin + i, available - i, separator, /*quoted=*/true);
        if (collapsed) own.append(begin + i, plain);
        i += plain;
        if (i + 1 >= available) return false;  // the quote's end, or what follows it, not read
        const char c = begin[i];
        if (c == '"' && begin[i + 1] == '"') {  // a doubled quote
          if (!collapsed) own.assign(begin + start, i - start);
          collapsed = true;
          own += '"';
          i += 2;
        } else if (c == '"') {  // the closing quote
          cell.text = collapsed ? std::string_view(own)
                                : std::string_view(begin + start, i - start);
          ++i;
          break;
        } else if (c == '\n') {  // a line break inside the quotes, kept as written
          if (collapsed) own += '\n';
          line_start = ++i;
          ++line;
          row->line_starts_.push_back(i);
        } else {  // a carriage return or a byte above ASCII
          return false;
        }
      }
    } else {
      const std::size_t plain = PlainBytes(begin + i, available - i, separator, /*quoted=*/false);
      cell.text = std::string_view(begin + i, plain);
      i += plain;
    }
    if (i >= available) return false;  // the row's end not yet read
    const char c = begin[i];
    if (c == separator) {
      ++i;
      continue;
    }
    // A line break ends the row; a quote (stray, or after a closing one), a carriage return or a
    // byte above ASCII is Next's to read.
    if (c != '\n' || count != expected_cells_ || i > max_row_bytes_) return false;
    row->cells.resize(count);
    row->raw_.clear();
    row->raw_.append(begin, i);
    row->MoveViewsToRaw(begin, i);
    row->line = line_;
    row->end_line = line;
    position_ += i + 1;
    line_ = line + 1;
    column_ = 1;
    return true;
  }
}

CsvReader::Status CsvReader::NextCell(std::size_t column, CsvRow* row, Diagnostics& diagnostics) {
  if (!started_ || expected_cells_ == 0 || column >= expected_cells_) return Next(row, diagnostics);
  // One pass over the row, deciding whether Next would read it without a problem: cells plain or
  // quoted (doubled quotes, line breaks inside), ASCII, no carriage return. Anything else, and a
  // last line without a line break, is left to Next, from the row's start: nothing is consumed
  // until the row is known good.
  const char separator = separator_;
  std::size_t cells = 1;
  int line = line_;
  std::size_t line_start = 0;  // offset of the current line's first byte
  std::size_t cell_start = 0;  // offset of the current cell's first byte
  bool quoted = false;         // inside a quoted cell
  std::string& key = key_scratch_;
  key.clear();
  int key_line = 0;
  int key_column = 0;
  for (std::size_t i = 0;;) {
    if (position_ + i >= buffer_.size()) {
      if (i > max_row_bytes_ || !Fill(i + 1)) return Next(row, diagnostics);
    }
    const bool in_key = cells == column + 1;
    if (in_key && i == cell_start) {
      key_line = line;
      key_column = static_cast<int>(cell_start - line_start) + 1;
    }
    const char* at = buffer_.data() + position_ + i;
    if (!quoted && cells > column + 1) {  // past the key: only the cells are counted
      std::size_t separators = 0;
      std::size_t after_last = 0;
      const std::size_t plain =
          CountSeparators(at, buffer_.size() - position_ - i, separator, &separators, &after_last);
      if (plain > 0) {
        if (separators > 0) {
          cells += separators;
          cell_start = i + after_last;
        }
        i += plain;
        continue;
      }
    }
    const std::size_t plain = PlainBytes(at, buffer_.size() - position_ - i, separator, quoted);
    if (plain > 0) {
      if (in_key) key.append(at, plain);
      i += plain;
      continue;
    }
    const char c = *at;
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\r') return Next(row, diagnostics);
    if (quoted) {
      if (c == '"') {
        if (position_ + i + 1 >= buffer_.size() && !Fill(i + 2)) return Next(row, diagnostics);
        const char after = buffer_[position_ + i + 1];
        if (after == '"') {  // a doubled quote
          if (in_key) key += '"';
          i += 2;
          continue;
        }
        if (after != separator && after != '\n') return Next(row, diagnostics);  // text after it
        quoted = false;
      } else {  // a line break inside the quotes
        ++line;
        line_start = i + 1;
        if (in_key) key += c;
      }
      ++i;
      continue;
    }
    if (c == '"') {
      if (i != cell_start) return Next(row, diagnostics);  // a stray quote
      quoted = true;
    } else if (c == separator) {
      ++cells;
      cell_start = i + 1;
    } else {  // the line break that ends the row
      if (i == 0) return Next(row, diagnostics);  // a blank line
      if (cells != expected_cells_) return Next(row, diagnostics);  // Next reports it
      if (i > max_row_bytes_) return Next(row, diagnostics);
      row->cells.assign(cells, CsvCell{});
      if (row->own_.size() <= column) row->own_.resize(column + 1);
      row->own_[column].swap(key);
      row->cells[column] = {row->own_[column], key_line, key_column};
      row->line = line_;
      row->end_line = line;
      row->raw_.clear();
      row->line_starts_.assign(1, 0);
      position_ += i + 1;
      line_ = line + 1;
      column_ = 1;
      return Status::kRow;
    }
    ++i;
  }
}

CsvReader::Status CsvReader::Next(CsvRow* row, Diagnostics& diagnostics) {
  if (!started_) {
    started_ = true;
    if (Peek(0) == 0xEF && Peek(1) == 0xBB && Peek(2) == 0xBF) {
      position_ += 3;  // the byte order mark is not part of the first line's columns
    }
  }
  // Blank lines hold no row.
  for (;;) {
    int c = Peek();
    if (c < 0) {
      if (read_failed_) {
        read_failed_ = false;
        diagnostics.Error({path_, line_, 0}, "cannot read '" + path_ + "' past this line");
      }
      return Status::kEnd;
    }
    if (c == '\n') {
      Skip();
    } else if (c == '\r' && Peek(1) == '\n') {
      Skip();
      Skip();
    } else {
      break;
    }
  }

  failed_ = false;
  row_has_high_bytes_ = false;
  resume_offset_ = kNoOffset;
  utf8_pending_ = 0;
  if (expected_cells_ > 0 && ReadSimpleRow(row)) return Status::kRow;
  const Status status = ReadRowByBytes(row, diagnostics);
  row->ViewOwnTexts();
  return status;
}

CsvReader::Status CsvReader::ReadRowByBytes(CsvRow* row, Diagnostics& diagnostics) {
  row->line = line_;
  row->raw_.clear();
  row->line_starts_.assign(1, 0);
  std::size_t count = 0;

  for (bool row_done = false; !row_done;) {
    if (row->raw_.size() > max_row_bytes_) return RejectOverlongRow(row, diagnostics);
    if (count == row->cells.size()) row->cells.emplace_back();
    if (count == row->own_.size()) row->own_.emplace_back();
    CsvCell& cell = row->cells[count];
    std::string& text = row->own_[count];  // the cell's text is viewed once the row is read
    ++count;
    text.clear();
    cell.line = line_;
    cell.column = column_;

    if (Peek() == '"') {
      int quote_line = line_, quote_column = column_;
      Advance(row);
      for (bool closed = false; !closed;) {
        if (row->raw_.size() > max_row_bytes_) return RejectOverlongRow(row, diagnostics);
        ConsumePlainRun(row, &text, /*quoted=*/true);
        int c = Peek();
        if (c < 0) {
          failed_ = false;  // this is the problem that decides where reading resumes
          Fail(quote_line, quote_column,
               "unterminated quoted field: no closing '\"' before the end of the file");
          row->end_line = line_;
          row->cells.resize(count);
          diagnostics.DataQuality(Severity::kError, {path_, fail_line_, fail_column_}, RowCode(expected_cells_), {},
                                  fail_message_, ErrorLine(*row, fail_line_));
          if (resume_offset_ != kNoOffset) Seek(resume_offset_, resume_line_);
          return Status::kMalformed;
        }
        Advance(row);
        if (c == '"') {
          if (Peek() == '"') {
            Advance(row);
            text += '"';
          } else {
            closed = true;
          }
        } else if (c == '\r' && Peek() == '\n') {
          Advance(row);
          text += '\n';
        } else {
          text += static_cast<char>(c);
        }
      }
      for (;;) {
        if (row->raw_.size() > max_row_bytes_) return RejectOverlongRow(row, diagnostics);
        if (AtRowEnd()) {
          row_done = true;
          break;
        }
        int c = Peek();
        if (c == static_cast<unsigned char>(separator_)) {
          Advance(row);
          break;
        }
        Fail(line_, column_, "unexpected text after the closing '\"' of a quoted field");
        Advance(row);
        text += static_cast<char>(c);
      }
    } else {
      for (;;) {
        if (row->raw_.size() > max_row_bytes_) return RejectOverlongRow(row, diagnostics);
        ConsumePlainRun(row, &text, /*quoted=*/false);
        if (AtRowEnd()) {
          row_done = true;
          break;
        }
        int c = Peek();
        if (c == static_cast<unsigned char>(separator_)) {
          Advance(row);
          break;
        }
        if (c == '"') {
          Fail(line_, column_,
               "stray '\"' in an unquoted field: quote the whole field and double the '\"'");
        }
        Advance(row);
        text += static_cast<char>(c);
      }
    }
  }
  row->cells.resize(count);
  row->end_line = line_;
  if (utf8_pending_ > 0) {
    Fail(utf8_line_, utf8_column_, InvalidUtf8Message(utf8_lead_) + kWindows1252Hint);
  }
  if (row_has_high_bytes_) DecodeRow(row);
  int end_column = column_;
  // The row's line ending.
  if (Peek() == '\r') Skip();
  if (Peek() == '\n') Skip();

  if (!failed_ && expected_cells_ > 0 && count != expected_cells_) {
    std::string message = "row has " + std::to_string(count) + (count == 1 ? " cell" : " cells") +
                          " but the header has " + std::to_string(expected_cells_);
    if (count > expected_cells_) {
      Fail(row->cells[expected_cells_].line, row->cells[expected_cells_].column, message);
    } else {
      Fail(row->end_line, end_column, message);
    }
  }
  if (failed_) {
    diagnostics.DataQuality(Severity::kError, {path_, fail_line_, fail_column_}, RowCode(expected_cells_), {},
                            fail_message_, ErrorLine(*row, fail_line_));
    return Status::kMalformed;
  }
  if (expected_cells_ == 0) expected_cells_ = count;
  return Status::kRow;
}

}  // namespace uofa
