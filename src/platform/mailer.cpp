#include "platform/mailer.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <memory>

#include "core/clock.hpp"

namespace hearth::platform {

namespace {

std::string Base64(const std::string& text) {
  std::string out(sodium_base64_encoded_len(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

/// Header text may not carry line breaks (header injection).
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

struct Upload {
  std::string data;
  std::size_t sent = 0;
};

std::size_t ReadPayload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->sent);
  std::copy_n(upload->data.data() + upload->sent, n, buffer);
  upload->sent += n;
  return n;
}

}  // namespace

Result<void> Mailer::Send(const std::string& to, const std::string& subject, const std::string& body) const {
  if (!enabled()) return {};
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Fail(ErrorCode::kUnavailable, "unavailable", "cannot start libcurl");
  // A date header in RFC 5322 form, in UTC.
  const std::string now = FormatRfc3339(SystemClock().Now());
  Upload upload;
  upload.data = "To: <" + OneLine(to) + ">\r\nFrom: <" + OneLine(options_.from) + ">\r\nSubject: =?UTF-8?B?" +
                Base64(OneLine(subject)) + "?=\r\nX-Hearth-Sent: " + now +
                "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  const std::string encoded = Base64(body);
  for (std::size_t i = 0; i < encoded.size(); i += 76) upload.data += encoded.substr(i, 76) + "\r\n";
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + OneLine(to) + ">").c_str());
  const std::string from = "<" + OneLine(options_.from) + ">";
  curl_easy_setopt(curl.get(), CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, ReadPayload);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 15L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl.get());
  curl_slist_free_all(recipients);
  if (rc != CURLE_OK) return Fail(ErrorCode::kUnavailable, "unavailable", std::string("smtp: ") + curl_easy_strerror(rc));
  return {};
}

}  // namespace hearth::platform
