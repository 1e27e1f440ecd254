// Mustache templates compiled once per theme and rendered straight into one output string.
//
// The language is the one themes were written for with mstch (Debian's mustache library, which
// hyoka used first): {{name}} (HTML-escaped), {{{name}}} and {{&name}} (raw), dotted names,
// {{.}}, sections over lists, maps and truthy values, inverted sections, comments and partials,
// with mstch's rules for standalone lines and for indenting partials. mstch parsed every
// template again for every page and copied every context it entered, which made rendering most
// of a large site's build time; this renders a 10,000-page site's templates in a few
// percent of it. mstch stays the reference: tests/unit/mstch_differential_test.cpp and the
// template fuzz target require the same bytes from both. compile() (mustache_compile.cpp) is
// the only reader of {{ … }}; template_check reports what it found wrong before anything
// renders.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hyoka::mustache {

class Value;

// A name in a map or a template.
class Key {
 public:
  Key(std::string name) : name_(std::move(name)) {}
  Key(const char* name) : name_(name) {}
  const std::string& str() const { return name_; }
  operator std::string_view() const { return name_; }
  bool operator==(const Key& other) const { return name_ == other.name_; }

 private:
  std::string name_;
};

using List = std::vector<Value>;
// A few names per map: a vector searched in order is faster than a tree, and keeps the order
// the code wrote.
using Map = std::vector<std::pair<Key, Value>>;

// What a template reads: nothing, a flag, a text, a list or a map; or a borrowed value that
// outlives the render (site-wide lists shared by every page, without a copy).
class Value {
 public:
  Value() = default;
  Value(std::string text) : data_(std::move(text)) {}
  Value(const char* text) : data_(std::string(text)) {}
  Value(List list) : data_(std::move(list)) {}
  Value(Map map) : data_(std::move(map)) {}
  template <typename T>
  requires std::same_as<T, bool> Value(T flag) : data_(flag) {}
  static Value borrow(const Value& value) {
    Value v;
    v.data_ = &value;
    return v;
  }
  // Text that outlives the render (the site's and the page's own strings), read in place: a
  // table of every area would otherwise copy every cell's text into the context.
  static Value view(std::string_view text) {
    Value v;
    v.data_ = text;
    return v;
  }
  // A list whose items are made one at a time, as a section reaches them, and dropped after:
  // a table of every area never exists as values all at once. `item` must stay valid (and
  // what it reads with it) as long as the value is rendered.
  static Value lazy_list(std::size_t size, std::function<Value(std::size_t)> item) {
    Value v;
    v.data_ = std::make_shared<const Lazy>(Lazy{size, std::move(item)});
    return v;
  }
  struct Lazy {
    std::size_t size;
    std::function<Value(std::size_t)> item;
  };

  // Follows borrowed values to what they hold.
  const Value& resolved() const;
  // mstch's falsiness: nothing, false, "", an empty list.
  bool empty() const;
  const bool* flag() const;
  // Owned or viewed text; nullopt when the value is not text.
  std::optional<std::string_view> text() const;
  const List* list() const;
  const Lazy* lazy() const;
  const Map* map() const;
  // The value of `name` in a map (nullptr when absent or not a map).
  const Value* find(const Key& name) const;
  // Sets or replaces `name` in a map; a value that is not a map becomes an empty map first.
  void set(Key name, Value value);

 private:
  std::variant<std::monostate, bool, std::string, std::string_view, List, Map, const Value*,
               std::shared_ptr<const Lazy>>
      data_;
};

struct Node;
class Template;

// A template that makes its output grow without end (partials that each include the next
// twice; sections over a list inside sections over the same list) stops at these, far above
// what any real page needs: the default theme's home page of 50,000 areas is 29 MiB, made with
// 2.6 million passes.
struct RenderLimits {
  std::size_t max_bytes = std::size_t{64} << 20;  // of the output
  std::size_t max_passes = 32'000'000;            // through sections and into partials
};

// A tag being rendered: the template it is in and the tag's byte offset in that template's
// text.
struct TagAt {
  const Template* in = nullptr;
  std::size_t offset = 0;
  std::string tag;  // as written, such as {{#areas}} or {{> table}}
};

// Why and where a render stopped: the tags it was inside, outermost first.
struct RenderStop {
  bool too_large = false;  // else: too many passes
  std::vector<TagAt> tags;
};

// A compiled template; partials are resolved when the set of templates is compiled.
class Template {
 public:
  Template();
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  // Appends the template rendered with `context` to `out`; at a limit it stops there and says
  // where.
  [[nodiscard]] std::optional<RenderStop> render(const Value& context, std::string& out,
                                                 const RenderLimits& limits = {}) const;
  std::string render(const Value& context) const;
  const std::vector<Node>& nodes() const { return nodes_; }
  // The layout's or partial's name.
  const std::string& name() const { return name_; }
  bool is_partial() const { return partial_; }

 private:
  friend class TemplateSet;
  std::vector<Node> nodes_;
  std::string name_;
  bool partial_ = false;
};

// ---- the compiler: the one reader of {{ … }} in hyoka ----

// A tag as the compiler read it, with mstch's rules: {{{name}}} and {{&name}} are raw, a
// sigil (# ^ / > & !) is the first character after spaces, and a name is trimmed of spaces.
struct Tag {
  enum class Kind { variable, raw, section, inverted, close, comment, partial };
  Kind kind = Kind::variable;
  std::string name;
  std::size_t offset = 0;  // of its "{{" in the text
  std::size_t length = 0;  // from its "{{" to the end of its "}}"
};

// Why a text is not a template, at the byte offset of the tag concerned.
struct Problem {
  std::size_t offset = 0;
  std::string message;
};

// One text compiled: its tags in order, up to the first that ends reading (a tag never
// closed, a change of delimiters, sections nested too deep), and its problems: also a tag
// without a name, a close tag that closes nothing or another section, and a section never
// closed. A text with problems is not a template: it never renders. What a theme's checks
// report (unknown partials, names no page provides, partials in a circle) they read here.
struct Compiled {
  std::vector<Tag> tags;
  std::vector<Problem> problems;
};
Compiled compile(std::string_view text);

// Templates and the partials they include, compiled together. A text with problems is left
// out (find and partial give nullptr); an unknown partial, or one with problems, renders as
// nothing, as in mstch: the theme's checks refuse both first.
class TemplateSet {
 public:
  TemplateSet() = default;
  TemplateSet(const std::map<std::string, std::string>& templates,
              const std::map<std::string, std::string>& partials);
  // nullptr for a name that is not a template, or whose text has problems.
  const Template* find(const std::string& name) const;
  const Template* partial(const std::string& name) const;
  // What compiling each text found, by name (nullptr for an unknown name).
  const Compiled* compiled_template(const std::string& name) const;
  const Compiled* compiled_partial(const std::string& name) const;

 private:
  const Template* compile_partial(const std::string& name, const std::string& prefix, int depth);
  Template build(std::string_view text, const std::string& prefix, int depth,
                 const std::string& name, bool partial);

  std::map<std::string, std::string> partial_texts_;
  std::map<std::string, Compiled> compiled_templates_, compiled_partials_;
  std::map<std::string, Template> templates_;
  // By name and indentation: a standalone partial is indented like its tag (mstch's rule).
  std::map<std::pair<std::string, std::string>, std::unique_ptr<Template>> partials_;
  std::set<std::pair<std::string, std::string>> compiling_;
};

}  // namespace hyoka::mustache
