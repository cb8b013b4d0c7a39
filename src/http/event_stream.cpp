#include "http/event_stream.hpp"

namespace hearth::http {

bool EventStream::Send(std::string_view event, std::string_view data) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return false;
    pending_ += "event: ";
    pending_ += event;
    pending_ += "\ndata: ";
    pending_ += data;
    pending_ += "\n\n";
    wake = wake_;
  }
  if (wake) wake();
  return true;
}

bool EventStream::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void EventStream::Attach(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

std::string EventStream::Take() {
  std::lock_guard lock(mutex_);
  std::string out;
  out.swap(pending_);
  return out;
}

void EventStream::Close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  wake_ = nullptr;
  pending_.clear();
}

}  // namespace hearth::http
