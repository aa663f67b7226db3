#include "khabar/json_writer.h"

#include <emmintrin.h>

#include <charconv>
#include <cstdint>
#include <cstring>

namespace khabar {
namespace {

// Bytes a string takes at most once written: every byte may become a \u00XX
// escape, and the quotes.
constexpr size_t kMaxEscape = 6;
size_t MaxStringBytes(std::string_view s) { return kMaxEscape * s.size() + 2; }

// Bytes of an integer written, at most (sign and 19 digits).
constexpr size_t kMaxIntBytes = 20;

// Sixteen bytes at a time: whether any byte is below 0x20, '"' or '\\'.
inline bool NeedsEscape(__m128i v) {
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) != 0;
}
inline __m128i Load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline __m128i Load8(const char* p) { return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)); }
inline __m128i Load4(const char* p) {
  int32_t v;
  std::memcpy(&v, p, 4);
  return _mm_cvtsi32_si128(v);
}

// Writes into room made ahead in the output string, an object at a time
// (its size bounded from its strings), so that each piece is a plain copy
// without a capacity check. Finish() gives the string its final size.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(out), p_(out->data() + out->size()), end_(p_) {}

  // Makes room for `n` more bytes.
  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - p_) >= n) return;
    const size_t at = static_cast<size_t>(p_ - out_->data());
    out_->resize(at + n);
    p_ = out_->data() + at;
    end_ = p_ + n;
  }

  // Text written as it is (keys and punctuation).
  template <size_t N>
  void Raw(const char (&text)[N]) {
    std::memcpy(p_, text, N - 1);
    p_ += N - 1;
  }
  void Char(char c) { *p_++ = c; }

  // Where the next byte goes; for DropComma.
  char* Mark() const { return p_; }
  // Removes the comma written at `mark` when anything was written since
  // (the first of a list of optional fields).
  void DropComma(char* mark) {
    if (p_ == mark) return;
    std::memmove(mark, mark + 1, static_cast<size_t>(p_ - mark - 1));
    --p_;
  }

  void Int(int64_t value) { p_ = std::to_chars(p_, p_ + kMaxIntBytes, value).ptr; }

  // `s` as a JSON string literal. Most strings need no escape: they are
  // tested and copied sixteen bytes at a time, the last sixteen overlapping
  // the ones before (a shorter string is tested at once from its first and
  // last eight or four bytes), and only a string with an escape is read
  // byte by byte from the first block that needs one.
  void String(std::string_view s) {
    *p_++ = '"';
    const char* const in = s.data();
    const size_t n = s.size();
    size_t done = 0;  // bytes copied as they are
    if (n >= 16) {
      for (; done + 16 < n; done += 16) {
        if (NeedsEscape(Load16(in + done))) break;
        std::memcpy(p_ + done, in + done, 16);
      }
      if (done + 16 >= n && !NeedsEscape(Load16(in + n - 16))) {
        std::memcpy(p_ + n - 16, in + n - 16, 16);
        done = n;
      }
    } else if (n >= 8) {
      if (!NeedsEscape(_mm_unpacklo_epi64(Load8(in), Load8(in + n - 8)))) {
        std::memcpy(p_, in, 8);
        std::memcpy(p_ + n - 8, in + n - 8, 8);
        done = n;
      }
    } else if (n >= 4) {
      const __m128i edges = _mm_unpacklo_epi32(Load4(in), Load4(in + n - 4));
      if (!NeedsEscape(_mm_unpacklo_epi64(edges, edges))) {  // no zero bytes tested
        std::memcpy(p_, in, 4);
        std::memcpy(p_ + n - 4, in + n - 4, 4);
        done = n;
      }
    }
    p_ += done;
    for (size_t i = done; i < n; ++i) {
      const unsigned char c = static_cast<unsigned char>(in[i]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        *p_++ = static_cast<char>(c);
        continue;
      }
      Escape(c);
    }
    *p_++ = '"';
  }

  // Trims the output to what was written.
  void Finish() { out_->resize(static_cast<size_t>(p_ - out_->data())); }

 private:
  void Escape(unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    *p_++ = '\\';
    switch (c) {
      case '"': *p_++ = '"'; break;
      case '\\': *p_++ = '\\'; break;
      case '\n': *p_++ = 'n'; break;
      case '\r': *p_++ = 'r'; break;
      case '\t': *p_++ = 't'; break;
      default:
        std::memcpy(p_, "u00", 3);
        p_[3] = kHex[c >> 4];
        p_[4] = kHex[c & 0xF];
        p_ += 5;
    }
  }

  std::string* out_;
  char* p_;    // where the next byte goes
  char* end_;  // the end of the room made
};

// Bytes an object takes at most: its strings escaped, and the keys,
// punctuation and integers (well under the constants below).
constexpr size_t kMaxRecordFrame = 128;
constexpr size_t kMaxEntityFrame = 192;
constexpr size_t kMaxRelationFrame = 128;
constexpr size_t kMaxListEnd = 32;  // `],"relations":[` and the like

// The record up to its list of entities.
size_t MaxBytes(const Record& r) {
  return kMaxRecordFrame + MaxStringBytes(r.id) + MaxStringBytes(r.source) + MaxStringBytes(r.meta.title) +
         MaxStringBytes(r.meta.date) + MaxStringBytes(r.meta.author) + MaxStringBytes(r.meta.outlet);
}

size_t MaxBytes(const Entity& e) {
  return kMaxEntityFrame + MaxStringBytes(e.type) + MaxStringBytes(e.subtype) + MaxStringBytes(e.text) +
         MaxStringBytes(e.norm) + MaxStringBytes(e.value) + MaxStringBytes(e.calendar) +
         MaxStringBytes(e.hijri_value) + MaxStringBytes(e.id) + MaxStringBytes(e.rule);
}

size_t MaxBytes(const Relation& rel) { return kMaxRelationFrame + MaxStringBytes(rel.type) + MaxStringBytes(rel.rule); }

size_t MaxBytes(const std::string& s) { return MaxStringBytes(s); }

// The items of a list, comma-separated, each written by `write` into room
// made for it.
template <typename T, typename Write>
void List(const std::vector<T>& items, Writer* w, Write write) {
  for (size_t i = 0; i < items.size(); ++i) {
    w->Reserve(1 + MaxBytes(items[i]));
    if (i) w->Char(',');
    write(items[i]);
  }
}

// The fields below take their lead, `,"key":`, whole.
template <size_t N>
void StringField(const char (&lead)[N], const std::string& value, Writer* w, bool always = false) {
  if (value.empty() && !always) return;
  w->Raw(lead);
  w->String(value);
}

template <size_t N>
void IntField(const char (&lead)[N], int64_t value, Writer* w) {
  w->Raw(lead);
  w->Int(value);
}

template <size_t N>
void OptionalIndex(const char (&lead)[N], const std::optional<int>& value, Writer* w) {
  w->Raw(lead);
  if (value) w->Int(*value);
  else w->Raw("null");
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  Writer w(out);
  w.Reserve(MaxStringBytes(s));
  w.String(s);
  w.Finish();
}

void AppendRecordJson(const Record& r, std::string* out) {
  // Room for the start of the record, then for each object and each list end.
  Writer w(out);
  w.Reserve(MaxBytes(r));
  w.Raw("{\"id\":");
  w.String(r.id);
  StringField(",\"source\":", r.source, &w, true);
  w.Raw(",\"meta\":{");
  char* const meta_begin = w.Mark();
  StringField(",\"title\":", r.meta.title, &w);
  StringField(",\"date\":", r.meta.date, &w);
  StringField(",\"author\":", r.meta.author, &w);
  StringField(",\"outlet\":", r.meta.outlet, &w);
  w.DropComma(meta_begin);
  w.Raw("},\"entities\":[");
  List(r.entities, &w, [&w](const Entity& e) {
    w.Raw("{\"type\":");
    w.String(e.type);
    StringField(",\"subtype\":", e.subtype, &w);
    IntField(",\"start\":", e.start, &w);
    IntField(",\"end\":", e.end, &w);
    StringField(",\"text\":", e.text, &w, true);
    StringField(",\"norm\":", e.norm, &w);
    StringField(",\"value\":", e.value, &w);
    StringField(",\"calendar\":", e.calendar, &w);
    StringField(",\"hijri_value\":", e.hijri_value, &w);
    if (e.relative) w.Raw(",\"relative\":true");
    StringField(",\"id\":", e.id, &w);
    StringField(",\"rule\":", e.rule, &w, true);
    w.Char('}');
  });
  w.Reserve(kMaxListEnd);
  w.Raw("],\"relations\":[");
  List(r.relations, &w, [&w](const Relation& rel) {
    w.Raw("{\"type\":");
    w.String(rel.type);
    OptionalIndex(",\"person\":", rel.person, &w);
    IntField(",\"role\":", rel.role, &w);
    OptionalIndex(",\"org\":", rel.org, &w);
    StringField(",\"rule\":", rel.rule, &w, true);
    w.Char('}');
  });
  w.Reserve(kMaxListEnd);
  w.Raw("],\"errors\":[");
  List(r.errors, &w, [&w](const std::string& error) { w.String(error); });
  w.Reserve(kMaxListEnd);
  w.Raw("]}\n");
  w.Finish();
}

}  // namespace khabar
