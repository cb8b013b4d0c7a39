#include "platform/event_hub.hpp"

#include <algorithm>

namespace hearth::platform {

namespace {
void DropClosed(std::vector<std::shared_ptr<http::EventStream>>& list) {
  std::erase_if(list, [](const auto& s) { return s->closed(); });
}
}  // namespace

std::shared_ptr<http::EventStream> EventHub::Open(std::int64_t user_id) {
  auto stream = std::make_shared<http::EventStream>();
  std::lock_guard lock(mutex_);
  auto& list = streams_[user_id];
  DropClosed(list);
  while (list.size() >= kStreamsPerUser) {
    list.front()->Close();
    list.erase(list.begin());
  }
  list.push_back(stream);
  return stream;
}

int EventHub::Publish(std::int64_t user_id, std::string_view event, std::string_view json) {
  std::vector<std::shared_ptr<http::EventStream>> targets;
  {
    std::lock_guard lock(mutex_);
    auto it = streams_.find(user_id);
    if (it == streams_.end()) return 0;
    DropClosed(it->second);
    targets = it->second;
    if (targets.empty()) streams_.erase(it);
  }
  int delivered = 0;
  for (auto& s : targets) delivered += s->Send(event, json) ? 1 : 0;
  return delivered;
}

std::size_t EventHub::open() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [user, list] : streams_) {
    n += static_cast<std::size_t>(std::count_if(list.begin(), list.end(), [](const auto& s) { return !s->closed(); }));
  }
  return n;
}

}  // namespace hearth::platform
