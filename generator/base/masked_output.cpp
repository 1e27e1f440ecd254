#include "base/masked_output.h"

#include <iostream>
#include <memory>

namespace hyoka {

std::string mask_secret(std::string_view text, std::string_view secret) {
  std::string out(text);
  if (secret.empty()) return out;
  for (auto at = out.find(secret); at != std::string::npos; at = out.find(secret, at + 3)) {
    out.replace(at, secret.size(), "***");
  }
  return out;
}

MaskingBuffer::MaskingBuffer(std::streambuf* next, std::string secret)
    : next_(next), secret_(std::move(secret)) {}

MaskingBuffer::~MaskingBuffer() {
  const std::lock_guard lock(mutex_);
  next_->sputn(pending_.data(), static_cast<std::streamsize>(pending_.size()));
}

MaskingBuffer::int_type MaskingBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

std::streamsize MaskingBuffer::xsputn(const char* s, std::streamsize n) {
  const std::lock_guard lock(mutex_);
  pending_.append(s, static_cast<std::size_t>(n));
  pass_on();
  return n;
}

int MaskingBuffer::sync() {
  const std::lock_guard lock(mutex_);
  pass_on();
  return next_->pubsync();
}

void MaskingBuffer::pass_on() {
  pending_ = mask_secret(pending_, secret_);
  // What could still become the secret with the next write waits for it.
  std::size_t held = std::min(pending_.size(), secret_.size() - 1);
  while (held > 0 && !std::string_view(pending_).ends_with(secret_.substr(0, held))) --held;
  const auto ready = pending_.size() - held;
  next_->sputn(pending_.data(), static_cast<std::streamsize>(ready));
  pending_.erase(0, ready);
}

MaskedOutput::MaskedOutput(std::string secret) {
  if (secret.empty()) return;
  masked_out_ = std::make_unique<MaskingBuffer>(std::cout.rdbuf(), secret);
  masked_err_ = std::make_unique<MaskingBuffer>(std::cerr.rdbuf(), secret);
  out_ = std::cout.rdbuf(masked_out_.get());
  err_ = std::cerr.rdbuf(masked_err_.get());
}

MaskedOutput::~MaskedOutput() {
  if (!out_) return;
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(out_);
  std::cerr.rdbuf(err_);
}

}  // namespace hyoka
