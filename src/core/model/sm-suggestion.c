/* sm-suggestion.c: a span Spanmark proposes, not yet the annotator's.
 *
 * A suggestion has a label and a range like a span, where it came from, and
 * for a claim who said it: another suggestion or a span, by id. It is
 * never one of the document's spans: it is not counted, exported or
 * linked until the annotator accepts it, which makes it a span.
 *
 * Before it is in a document a claim's speaker is given as the speaker's
 * suggestion object (sm_suggestion_set_speaker()); the document turns that
 * into an id as it takes both in.
 *
 * A long article has hundreds of thousands of suggestions, so each is
 * small: its id is kept in the object when short (as "S123456" is), and
 * its text is the document's, copied only when asked for (a copy each
 * was 32 to 48 bytes of heap a suggestion, and a file's writer takes
 * the text from the document). Its label and source are quarks, and the
 * speaker it has before it is in a document shares a place with the
 * document's text it has after: 80 bytes, a slice chunk. A run makes
 * one only for what the document will take (256,555 of a long article's
 * 610,036 proposals; sm-suggester.c), since GLib 2.74's slice allocator
 * keeps a slab while one chunk in it lives.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-suggestion"

#include "config.h"

#include <string.h>

#include "sm-suggestion-private.h"

/* An id of at most this many bytes is kept in the object */
#define SHORT_ID_LENGTH 14

struct _SmSuggestion
{
  GObject       parent_instance;
  GQuark        label;    /* a document has a few labels... */
  GQuark        source;   /* ...and its suggestions a few sources */
  guint         start;
  guint         end;
  char         *said_by;
  union
  {
    SmSuggestion *speaker;        /* before it is in a document */
    SmText       *document_text;  /* once it is (FLAG_IN_DOCUMENT) */
  } u;
  char         *text;             /* its slice of that, once asked for */
  union
  {
    char       *heap;
    char        chars[SHORT_ID_LENGTH + 2];  /* the last is the flags */
  } id;
};

#define FLAGS(self)       ((self)->id.chars[SHORT_ID_LENGTH + 1])
#define FLAG_ID_HERE      1   /* the id is in id.chars, not on the heap */
#define FLAG_IN_DOCUMENT  2

G_STATIC_ASSERT (sizeof (((SmSuggestion *) NULL)->id) == SHORT_ID_LENGTH + 2);

G_DEFINE_FINAL_TYPE (SmSuggestion, sm_suggestion, G_TYPE_OBJECT)

static void
sm_suggestion_finalize (GObject *object)
{
  SmSuggestion *self = (SmSuggestion *)object;

  _sm_suggestion_set_id (self, NULL);
  _sm_suggestion_set_text (self, NULL);
  g_clear_object (&self->u.speaker);
  g_clear_pointer (&self->said_by, g_free);

  G_OBJECT_CLASS (sm_suggestion_parent_class)->finalize (object);
}

static void
sm_suggestion_class_init (SmSuggestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_suggestion_finalize;
}

static void
sm_suggestion_init (SmSuggestion *self)
{
}

/**
 * sm_suggestion_new:
 * @label: the label it proposes
 * @start: first code point
 * @end: code point after it
 * @source: where it came from, such as %SM_SUGGESTION_SOURCE_RULES
 *
 * Returns: (transfer full): a suggestion, with no id until a document
 *   takes it in
 */
SmSuggestion *
sm_suggestion_new (const char *label,
                   guint       start,
                   guint       end,
                   const char *source)
{
  SmSuggestion *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  self = g_object_new (SM_TYPE_SUGGESTION, NULL);
  self->label = g_quark_from_string (label);
  self->start = start;
  self->end = end;
  self->source = g_quark_from_string (source);

  return self;
}

const char *
sm_suggestion_get_id (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), NULL);

  return FLAGS (self) & FLAG_ID_HERE ? self->id.chars : self->id.heap;
}

const char *
sm_suggestion_get_label (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), NULL);

  return g_quark_to_string (self->label);
}

guint
sm_suggestion_get_start (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), 0);

  return self->start;
}

guint
sm_suggestion_get_end (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), 0);

  return self->end;
}

/* The text it covers; %NULL until a document takes it in. Copied from
 * the document's text the first time, in whichever thread asks. */
const char *
sm_suggestion_get_text (SmSuggestion *self)
{
  char *text;

  g_return_val_if_fail (SM_IS_SUGGESTION (self), NULL);

  if ((text = g_atomic_pointer_get (&self->text)) != NULL || !(FLAGS (self) & FLAG_IN_DOCUMENT))
    return text;

  text = sm_text_dup_slice (self->u.document_text, self->start, self->end);
  if (!g_atomic_pointer_compare_and_exchange (&self->text, NULL, text))
    {
      g_free (text);
      text = g_atomic_pointer_get (&self->text);
    }

  return text;
}

const char *
sm_suggestion_get_source (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), NULL);

  return g_quark_to_string (self->source);
}

/**
 * sm_suggestion_get_said_by:
 * @self: a suggestion in a document
 *
 * Returns: (nullable): the id of who said it, a suggestion ("S4") or a
 *   span ("T2"), or %NULL
 */
const char *
sm_suggestion_get_said_by (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), NULL);

  return self->said_by;
}

/**
 * sm_suggestion_get_speaker:
 * @self: a suggestion
 *
 * Returns: (transfer none) (nullable): the speaker given with
 *   sm_suggestion_set_speaker()
 */
SmSuggestion *
sm_suggestion_get_speaker (SmSuggestion *self)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), NULL);

  return FLAGS (self) & FLAG_IN_DOCUMENT ? NULL : self->u.speaker;
}

/**
 * sm_suggestion_set_speaker:
 * @self: a suggestion not yet in a document
 * @speaker: (nullable): the suggestion of who said it
 *
 * Gives a claim its speaker before a document takes both in.
 */
void
sm_suggestion_set_speaker (SmSuggestion *self,
                           SmSuggestion *speaker)
{
  g_return_if_fail (SM_IS_SUGGESTION (self));
  g_return_if_fail (speaker == NULL || SM_IS_SUGGESTION (speaker));
  g_return_if_fail (sm_suggestion_get_id (self) == NULL);
  g_return_if_fail (!(FLAGS (self) & FLAG_IN_DOCUMENT));

  g_set_object (&self->u.speaker, speaker);
}

/* Whether @self proposes exactly this span */
gboolean
sm_suggestion_is_at (SmSuggestion *self,
                     const char   *label,
                     guint         start,
                     guint         end)
{
  g_return_val_if_fail (SM_IS_SUGGESTION (self), FALSE);

  return self->start == start && self->end == end &&
         g_strcmp0 (g_quark_to_string (self->label), label) == 0;
}

/* Document order: by start, then the longer first, then by label */
gint
sm_suggestion_compare (SmSuggestion *a,
                       SmSuggestion *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  if (a->label == b->label)
    return 0;

  return g_strcmp0 (g_quark_to_string (a->label), g_quark_to_string (b->label));
}

void
_sm_suggestion_set_id (SmSuggestion *self,
                       const char   *id)
{
  gsize length = id != NULL ? strlen (id) : 0;
  char flags = FLAGS (self) & ~FLAG_ID_HERE;

  if (!(FLAGS (self) & FLAG_ID_HERE))
    g_free (self->id.heap);
  memset (&self->id, 0, sizeof self->id);

  if (id != NULL && length <= SHORT_ID_LENGTH)
    {
      memcpy (self->id.chars, id, length + 1);
      flags |= FLAG_ID_HERE;
    }
  else
    self->id.heap = g_strdup (id);
  FLAGS (self) = flags;
}

/* @text is the document's, which the suggestion's range is in: it is in
 * a document from now on, and has no speaker object */
void
_sm_suggestion_set_text (SmSuggestion *self,
                         SmText       *text)
{
  g_return_if_fail (text == NULL || self->end <= sm_text_get_length (text));

  if (text != NULL)
    sm_text_ref (text);
  if (FLAGS (self) & FLAG_IN_DOCUMENT)
    g_clear_pointer (&self->u.document_text, sm_text_unref);
  else
    g_clear_object (&self->u.speaker);
  self->u.document_text = text;
  if (text != NULL)
    FLAGS (self) |= FLAG_IN_DOCUMENT;
  else
    FLAGS (self) &= ~FLAG_IN_DOCUMENT;
  g_clear_pointer (&self->text, g_free);
}

void
_sm_suggestion_set_said_by (SmSuggestion *self,
                            const char   *said_by)
{
  g_free (self->said_by);
  self->said_by = g_strdup (said_by);
  if (!(FLAGS (self) & FLAG_IN_DOCUMENT))
    g_clear_object (&self->u.speaker);
}
