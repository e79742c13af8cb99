// ReadBuffer: the bytes of an input read ahead of a parser, consumed from the front. Like the
// std::string it replaces, but it grows without first clearing the bytes that a read is about to
// overwrite (clearing a 64 KiB chunk before each read was 1.4% of an audit's instructions).
#ifndef UOFA_ENGINE_SOURCES_READ_BUFFER_H_
#define UOFA_ENGINE_SOURCES_READ_BUFFER_H_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace uofa {

class ReadBuffer {
 public:
  const char* data() const { return bytes_.get(); }
  std::size_t size() const { return size_; }
  char operator[](std::size_t at) const { return bytes_[at]; }
  void clear() { size_ = 0; }

  /// Drops the first `count` bytes, moving the rest to the front.
  void DropFront(std::size_t count) {
    std::memmove(bytes_.get(), bytes_.get() + count, size_ - count);
    size_ -= count;
  }

  /// Reads up to `count` more bytes from `input` onto the end; the number read.
  std::size_t ReadFrom(std::istream& input, std::size_t count) {
    if (capacity_ - size_ < count) {
      std::size_t capacity = std::max(capacity_ * 2, size_ + count);
      std::unique_ptr<char[]> bytes = std::make_unique_for_overwrite<char[]>(capacity);
      if (size_ > 0) std::memcpy(bytes.get(), bytes_.get(), size_);
      bytes_ = std::move(bytes);
      capacity_ = capacity;
    }
    input.read(bytes_.get() + size_, static_cast<std::streamsize>(count));
    const std::size_t got = static_cast<std::size_t>(input.gcount());
    size_ += got;
    return got;
  }

  /// The offset of the first `byte` at or after `from`, or std::string::npos.
  std::size_t find(char byte, std::size_t from) const {
    return std::string_view(bytes_.get(), size_).find(byte, from);
  }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace uofa

#endif  // UOFA_ENGINE_SOURCES_READ_BUFFER_H_
