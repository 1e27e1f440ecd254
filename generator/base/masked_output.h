// An exported CKAN_API_TOKEN must never reach the terminal, whatever a user's file holds: every
// line written to std::cout and std::cerr passes through here while a MaskedOutput lives, and
// each occurrence of the secret in it is replaced by ***.
#pragma once

#include <memory>
#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace hyoka {

// `text` with every occurrence of `secret` replaced by ***; `text` as it is for an empty secret.
std::string mask_secret(std::string_view text, std::string_view secret);

// Writes what it is given, masked, to the stream buffer it stands in front of; only an end
// that could be the start of the secret waits for the next write (or the buffer's end).
class MaskingBuffer final : public std::streambuf {
 public:
  MaskingBuffer(std::streambuf* next, std::string secret);  // a secret that is not empty
  ~MaskingBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void pass_on();

  std::streambuf* next_;
  std::string secret_;
  std::string pending_;
  std::mutex mutex_;
};

// Puts a MaskingBuffer in front of std::cout and std::cerr for its lifetime.
class MaskedOutput {
 public:
  explicit MaskedOutput(std::string secret);
  ~MaskedOutput();
  MaskedOutput(const MaskedOutput&) = delete;
  MaskedOutput& operator=(const MaskedOutput&) = delete;

 private:
  std::streambuf* out_ = nullptr;
  std::streambuf* err_ = nullptr;
  std::unique_ptr<MaskingBuffer> masked_out_, masked_err_;
};

}  // namespace hyoka
