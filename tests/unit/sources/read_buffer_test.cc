#include "engine/sources/read_buffer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

namespace uofa {
namespace {

std::string Text(const ReadBuffer& buffer) { return std::string(buffer.data(), buffer.size()); }

}  // namespace

TEST_CASE("read buffer: reads append, dropping the front keeps the rest, growing keeps both") {
  std::istringstream input("abcdefghij\nklmnopqrst\nuvwxyz");
  ReadBuffer buffer;
  CHECK(buffer.size() == 0);
  CHECK(buffer.find('a', 0) == std::string::npos);
  CHECK(buffer.ReadFrom(input, 4) == 4);
  CHECK(Text(buffer) == "abcd");
  CHECK(buffer.ReadFrom(input, 8) == 8);  // grows past its first capacity
  CHECK(Text(buffer) == "abcdefghij\nk");
  CHECK(buffer[10] == '\n');
  CHECK(buffer.find('\n', 0) == 10);
  CHECK(buffer.find('\n', 11) == std::string::npos);
  CHECK(buffer.find('a', 12) == std::string::npos);
  buffer.DropFront(3);
  CHECK(Text(buffer) == "defghij\nk");
  CHECK(buffer.ReadFrom(input, 100) == 16);  // the rest of the input, short of the request
  CHECK(Text(buffer) == "defghij\nklmnopqrst\nuvwxyz");
  CHECK(buffer.find('\n', 8) == 18);
  buffer.DropFront(buffer.size());
  CHECK(buffer.size() == 0);
  CHECK(buffer.ReadFrom(input, 10) == 0);
  buffer.clear();
  CHECK(Text(buffer).empty());
}

}  // namespace uofa
