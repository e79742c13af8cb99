#include "engine/gen/nhs_number.h"

namespace uofa::gen {

int NhsCheckDigit(const std::string& nine_digits) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (nine_digits[static_cast<std::size_t>(i)] - '0') * (10 - i);
  const int check = 11 - sum % 11;
  return check == 11 ? 0 : check;
}

bool IsValidNhsNumber(const std::string& number) {
  if (number.size() != 10) return false;
  for (char c : number) {
    if (c < '0' || c > '9') return false;
  }
  const int check = NhsCheckDigit(number.substr(0, 9));
  return check != 10 && check == number[9] - '0';
}

}  // namespace uofa::gen
