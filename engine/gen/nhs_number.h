// NHS numbers: the Modulus 11 check digit (NHS Data Dictionary; DOMAIN.md §9).
#ifndef UOFA_ENGINE_GEN_NHS_NUMBER_H_
#define UOFA_ENGINE_GEN_NHS_NUMBER_H_

#include <string>

namespace uofa::gen {

// The check digit for nine digits (weights 10 down to 2; 11 - sum mod 11; 11 becomes 0), or 10
// when no valid NHS number starts with them.
int NhsCheckDigit(const std::string& nine_digits);

// True when `number` is ten digits whose last is the check digit of the first nine.
bool IsValidNhsNumber(const std::string& number);

}  // namespace uofa::gen

#endif  // UOFA_ENGINE_GEN_NHS_NUMBER_H_
