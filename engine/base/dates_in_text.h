// Dates written in running text ("Approved: 12 May 2025", "Review date: 31/05/2026",
// "2025-05-12"), found for document metadata and for the condition language's dates_in().
#ifndef UOFA_ENGINE_BASE_DATES_IN_TEXT_H_
#define UOFA_ENGINE_BASE_DATES_IN_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace uofa {

struct DateInText {
  int year = 0;
  int month = 0;  ///< 1-12
  int day = 0;    ///< 1-31, valid for the month
  std::size_t offset = 0;  ///< byte offset of the date in the text
  std::size_t length = 0;

  /// YYYY-MM-DD.
  std::string Iso() const;
};

/// Every valid calendar date in `text`, in order of position. Recognised forms: ISO
/// "2025-05-12"; UK numeric "12/05/2025" and "12.05.2025" (day first, as written in England);
/// and written "12 May 2025", "12th May 2025", "12 May, 2025", "May 12, 2025" with full or
/// three-letter month names in any case. A form that names an impossible date (31 June) is
/// skipped, not guessed at.
std::vector<DateInText> FindDatesInText(std::string_view text);

}  // namespace uofa

#endif  // UOFA_ENGINE_BASE_DATES_IN_TEXT_H_
