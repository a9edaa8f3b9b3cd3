/* sm-lexicon.c: the word lists the suggestion rules read, per language.
 *
 * A list is a text file, NAME.txt: one entry per line, optionally followed
 * by a tab and a value (a number word's number, a unit's kind); blank lines
 * and lines starting with # are skipped, and a line "!entry" takes an entry
 * out again. The lists of a language are read from, in order:
 *
 *   1. the built-in lists (data/suggest/common/ and data/suggest/LANG/,
 *      compiled into the program as a GResource);
 *   2. $XDG_DATA_HOME/spanmark/suggest/common/ and …/LANG/, so a user
 *      extends a list by writing a file of the same name there.
 *
 * Entries are compared casefolded, NFC-normalized, with runs of white
 * space as one space. A lexicon does not change once made, so workers
 * share it without locks; what a recognizer compiles from it is built
 * once, under a lock, and shared the same way (sm_lexicon_get_compiled()).
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-lexicon"

#include "config.h"

#include <string.h>

#include "sm-lexicon.h"
#include "sm-suggest-resources.h"

#define RESOURCE_ROOT "/io/github/spanmark/Spanmark/suggest"
#define COMMON "common"

typedef struct
{
  GPtrArray  *entries;    /* the spellings as written, NULL-terminated */
  GHashTable *values;     /* key -> value ("" for none) */
  guint       max_words;
} List;

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} Compiled;

struct _SmLexicon
{
  gatomicrefcount  ref_count;
  char            *language;
  GHashTable      *lists;     /* name -> List */
  GMutex           compiled_lock;
  GHashTable      *compiled;  /* name -> Compiled */
};

G_DEFINE_BOXED_TYPE (SmLexicon, sm_lexicon, sm_lexicon_ref, sm_lexicon_unref)

static void
compiled_free (gpointer data)
{
  Compiled *compiled = data;

  if (compiled->destroy != NULL)
    compiled->destroy (compiled->data);
  g_free (compiled);
}

static void
list_free (gpointer data)
{
  List *list = data;

  g_ptr_array_unref (list->entries);
  g_hash_table_unref (list->values);
  g_free (list);
}

/* Whether NFC and casefolding leave @c as it is, but for ASCII's case:
 * no case, no combining mark, no compatibility ideograph */
static gboolean
is_plain (gunichar c)
{
  if (c < 0x80)
    return TRUE;

  return !g_unichar_isupper (c) && !g_unichar_islower (c) && !g_unichar_istitle (c) &&
         !g_unichar_ismark (c) && c != 0x0345 &&
         !(c >= 0xF900 && c <= 0xFAFF) && !(c >= 0x2F800 && c <= 0x2FA1F);
}

/**
 * sm_lexicon_append_key:
 * @key: where to append
 * @text: words, as written in an article or a list
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Appends the form in which the lexicon compares words: casefolded,
 * NFC-normalized, runs of white space as one space. Most words (ASCII, or
 * letters without case such as Persian and Arabic ones) need neither
 * normalizing nor casefolding, and get neither: a recognizer looks up every
 * word of an article this way.
 */
void
sm_lexicon_append_key (GString    *key,
                       const char *text,
                       gssize      length)
{
  g_autofree char *folded = NULL;
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  gboolean plain = TRUE;
  gboolean space = FALSE;
  gsize start = key->len;
  const char *end;

  for (const char *p = text; p < text + n && plain; p = g_utf8_next_char (p))
    plain = is_plain ((guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p));

  if (!plain)
    {
      g_autofree char *normal = g_utf8_normalize (text, n, G_NORMALIZE_DEFAULT_COMPOSE);

      if (normal == NULL)
        return;
      folded = g_utf8_casefold (normal, -1);
      text = folded;
      n = strlen (folded);
    }

  end = text + n;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c < 0x80 ? g_ascii_isspace ((char) c) : g_unichar_isspace (c))
        {
          space = key->len > start;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      if (c < 0x80)
        g_string_append_c (key, g_ascii_tolower ((char) c));
      else
        g_string_append_len (key, p, g_utf8_next_char (p) - p);
    }
}

/**
 * sm_lexicon_dup_key:
 * @text: words
 *
 * Returns: (transfer full): @text in the form the lexicon compares words
 *   in (sm_lexicon_append_key())
 */
char *
sm_lexicon_dup_key (const char *text)
{
  GString *key = g_string_new (NULL);

  sm_lexicon_append_key (key, text, -1);

  return g_string_free (key, FALSE);
}

static char *
make_key (const char *entry)
{
  return sm_lexicon_dup_key (entry);
}

static guint
count_words (const char *key)
{
  guint n = 1;

  for (const char *p = key; *p != '\0'; p++)
    if (*p == ' ')
      n++;

  return n;
}

static List *
ensure_list (SmLexicon  *self,
             const char *name)
{
  List *list = g_hash_table_lookup (self->lists, name);

  if (list == NULL)
    {
      list = g_new0 (List, 1);
      list->entries = g_ptr_array_new_with_free_func (g_free);
      list->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->lists, g_strdup (name), list);
    }

  return list;
}

static void
remove_entry (List       *list,
              const char *key)
{
  if (!g_hash_table_remove (list->values, key))
    return;

  for (guint i = 0; i < list->entries->len; i++)
    {
      g_autofree char *other = make_key (g_ptr_array_index (list->entries, i));

      if (g_strcmp0 (other, key) == 0)
        {
          g_ptr_array_remove_index (list->entries, i);
          break;
        }
    }
}

static void
read_list (SmLexicon  *self,
           const char *name,
           const char *data,
           gsize       length)
{
  List *list = ensure_list (self, name);
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = g_strndup (data, length);

  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_warning ("Word list %s is not UTF-8; it is left out", name);
      return;
    }

  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *tab;
      const char *value = "";
      gboolean take_out = FALSE;
      g_autofree char *key = NULL;

      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '!')
        {
          take_out = TRUE;
          line = g_strstrip (line + 1);
        }

      if ((tab = strchr (line, '\t')) != NULL)
        {
          *tab = '\0';
          value = g_strstrip (tab + 1);
          g_strstrip (line);
        }

      if ((key = make_key (line)) == NULL || *key == '\0')
        continue;

      if (take_out)
        {
          remove_entry (list, key);
          continue;
        }

      if (!g_hash_table_contains (list->values, key))
        g_ptr_array_add (list->entries, g_strdup (line));
      list->max_words = MAX (list->max_words, count_words (key));
      g_hash_table_replace (list->values, g_steal_pointer (&key), g_strdup (value));
    }
}

static char *
list_name (const char *file_name)
{
  if (!g_str_has_suffix (file_name, ".txt") || file_name[0] == '.')
    return NULL;

  return g_strndup (file_name, strlen (file_name) - strlen (".txt"));
}

static void
read_resource_dir (SmLexicon  *self,
                   const char *folder)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_ROOT "/%s/", folder);
  g_auto(GStrv) children = NULL;

  children = g_resource_enumerate_children (sm_suggest_get_resource (), path,
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (children == NULL)
    return;

  /* The same order on every machine */
  qsort (children, g_strv_length (children), sizeof (char *),
         (GCompareFunc) (void (*) (void)) g_strcmp0);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *name = list_name (children[i]);
      g_autofree char *file = g_strconcat (path, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (name == NULL)
        continue;

      bytes = g_resource_lookup_data (sm_suggest_get_resource (), file,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        read_list (self, name,
                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
read_user_dir (SmLexicon  *self,
               const char *dir,
               const char *folder)
{
  g_autofree char *path = g_build_filename (dir, folder, NULL);
  g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *child;

  if (handle == NULL)
    return;

  while ((child = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (child));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *name = list_name (file_name);
      g_autofree char *file = NULL;
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GError) error = NULL;

      if (name == NULL)
        continue;

      file = g_build_filename (path, file_name, NULL);
      if (!g_file_get_contents (file, &data, &length, &error))
        {
          g_warning ("Cannot read word list %s: %s", file, error->message);
          continue;
        }
      read_list (self, name, data, length);
    }
}

/**
 * sm_lexicon_new_from_dirs:
 * @language: a language code such as "en" or "fa"
 * @dirs: (nullable): folders read after the built-in lists, each holding
 *   common/ and LANG/ subfolders of NAME.txt files
 *
 * Reads the word lists of @language. A language without lists of its own
 * gets the common ones only.
 *
 * Returns: (transfer full): the lexicon
 */
SmLexicon *
sm_lexicon_new_from_dirs (const char         *language,
                          const char * const *dirs)
{
  SmLexicon *self;

  g_return_val_if_fail (language != NULL, NULL);

  self = g_new0 (SmLexicon, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->language = g_strdup (language);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_free);
  g_mutex_init (&self->compiled_lock);
  self->compiled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, compiled_free);

  read_resource_dir (self, COMMON);
  read_resource_dir (self, language);

  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    {
      read_user_dir (self, dirs[i], COMMON);
      read_user_dir (self, dirs[i], language);
    }

  /* The entries, NULL-terminated for sm_lexicon_get_entries() */
  {
    GHashTableIter iter;
    List *list;

    g_hash_table_iter_init (&iter, self->lists);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
      g_ptr_array_add (list->entries, NULL);
  }

  return self;
}

/**
 * sm_lexicon_new:
 * @language: a language code such as "en" or "fa"
 *
 * Reads the built-in word lists of @language and the user's own under
 * $XDG_DATA_HOME/spanmark/suggest.
 *
 * Returns: (transfer full): the lexicon
 */
SmLexicon *
sm_lexicon_new (const char *language)
{
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "spanmark", "suggest", NULL);
  const char * const dirs[] = { user, NULL };

  return sm_lexicon_new_from_dirs (language, dirs);
}

SmLexicon *
sm_lexicon_ref (SmLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
sm_lexicon_unref (SmLexicon *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->language);
  g_hash_table_unref (self->lists);
  g_hash_table_unref (self->compiled);
  g_mutex_clear (&self->compiled_lock);
  g_free (self);
}

const char *
sm_lexicon_get_language (SmLexicon *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

gboolean
sm_lexicon_has_list (SmLexicon  *self,
                     const char *list)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->lists, list);
}

/**
 * sm_lexicon_lookup:
 * @self: a lexicon
 * @list: a list's name, such as "speech-verbs"
 * @entry: the words to look up, in any case
 *
 * Returns: (nullable): the entry's value ("" when it has none), or %NULL
 *   if @list does not hold @entry
 */
const char *
sm_lexicon_lookup (SmLexicon  *self,
                   const char *list,
                   const char *entry)
{
  List *found;
  g_autofree char *key = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  if ((found = g_hash_table_lookup (self->lists, list)) == NULL)
    return NULL;
  if ((key = make_key (entry)) == NULL)
    return NULL;

  return g_hash_table_lookup (found->values, key);
}

gboolean
sm_lexicon_contains (SmLexicon  *self,
                     const char *list,
                     const char *entry)
{
  return sm_lexicon_lookup (self, list, entry) != NULL;
}

/**
 * sm_lexicon_get_entries:
 * @self: a lexicon
 * @list: a list's name
 *
 * Returns: (transfer none): the list's entries as written, in the order
 *   read; an empty array if there is no such list
 */
const char * const *
sm_lexicon_get_entries (SmLexicon  *self,
                        const char *list)
{
  static const char * const none[] = { NULL };
  List *found;

  g_return_val_if_fail (self != NULL, none);

  if ((found = g_hash_table_lookup (self->lists, list)) == NULL)
    return none;

  return (const char * const *) found->entries->pdata;
}

/* The most words any entry of @list has, 0 if there is no such list */
guint
sm_lexicon_get_max_words (SmLexicon  *self,
                          const char *list)
{
  List *found;

  g_return_val_if_fail (self != NULL, 0);

  if ((found = g_hash_table_lookup (self->lists, list)) == NULL)
    return 0;

  return found->max_words;
}

/**
 * sm_lexicon_get_compiled:
 * @self: a lexicon
 * @name: what is compiled, such as "figures"
 * @compile: builds it from @self
 * @destroy: (nullable): frees it with the lexicon
 *
 * A recognizer's own form of the lists (tables keyed as it reads words,
 * say), built by @compile the first time it is asked for under @name and
 * shared by every later call, from any thread: a lexicon never changes,
 * so neither does what is built from it, and a suggester that reuses its
 * lexicon pays for it once, not once per article.
 *
 * Returns: (transfer none): what @compile returned, valid while @self is
 */
gpointer
sm_lexicon_get_compiled (SmLexicon             *self,
                         const char            *name,
                         SmLexiconCompileFunc   compile,
                         GDestroyNotify         destroy)
{
  Compiled *compiled;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (compile != NULL, NULL);

  g_mutex_lock (&self->compiled_lock);
  if ((compiled = g_hash_table_lookup (self->compiled, name)) == NULL)
    {
      compiled = g_new0 (Compiled, 1);
      compiled->data = compile (self);
      compiled->destroy = destroy;
      g_hash_table_insert (self->compiled, g_strdup (name), compiled);
    }
  g_mutex_unlock (&self->compiled_lock);

  return compiled->data;
}

/**
 * sm_lexicon_guess_language:
 * @text: an article
 *
 * Guesses which lists to use from the article's letters: Arabic script is
 * Persian when it has a letter only Persian uses (پ چ ژ گ, Persian yeh or
 * keheh), Arabic otherwise; Latin script is English when at least one word
 * in twenty is a common English word. Anything else is "und", which gets
 * the common lists only.
 *
 * Returns: (transfer full): a language code
 */
char *
sm_lexicon_guess_language (SmText *text)
{
  static const char * const english[] = {
    "the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "on",
    "with", "as", "was", "said", "he", "she", "by", "at", "from", NULL
  };
  const char *utf8 = sm_text_get_utf8 (text);
  const char *end = utf8 + MIN (sm_text_get_n_bytes (text), 65536);
  guint n_arabic = 0, n_persian = 0, n_latin = 0, n_words = 0, n_english = 0;
  GString *word = g_string_new (NULL);

  for (const char *p = utf8; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (script == G_UNICODE_SCRIPT_ARABIC && g_unichar_isalpha (c))
        {
          n_arabic++;
          if (c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF ||
              c == 0x06CC || c == 0x06A9)
            n_persian++;
        }
      else if (script == G_UNICODE_SCRIPT_LATIN && g_unichar_isalpha (c))
        {
          n_latin++;
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }

      if (word->len > 0)
        {
          n_words++;
          if (g_strv_contains (english, word->str))
            n_english++;
          g_string_truncate (word, 0);
        }
    }
  g_string_free (word, TRUE);

  if (n_arabic > n_latin)
    return g_strdup (n_persian > 0 ? "fa" : "ar");
  if (n_words > 0 && n_english * 20 >= n_words)
    return g_strdup ("en");

  return g_strdup ("und");
}
