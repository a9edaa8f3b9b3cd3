/* sm-curation.c: a curator decides where annotators' versions disagree.
 *
 * A curation starts from two or more versions of one article (or from a
 * file a merge left with conflicts). What every version has, the same
 * label on the same fragments, is in the result from the start; each place
 * where they differ is an item whose sides are the different ways the
 * versions tagged it, with who did what. Spans are compared by label and
 * fragments only (a note is the first version's that has one).
 *
 * Items are made as follows:
 * - SPANS: spans not all versions have are grouped where they overlap (a
 *   stretch of text); the versions with the same spans there are one side,
 *   and a version with none there is a side too ("nothing"). A side brings
 *   its versions' links that touch its spans.
 * - RELATIONS: a link between two spans every version has, not made by all:
 *   grouped by type and the span it starts from, a side per set of targets.
 * - STATUS and LABEL come only from a merge's conflicts (docs/format.md).
 *
 * Taking a side replaces what the other sides put there (a span of the
 * same place is changed in place, keeping its other links), dropping
 * removes every side's spans, and both record the decision in the
 * document (sm_document_set_decision()) in the same user action: undo takes
 * back both. The record of items and decisions is written into the
 * document's "curation" member (and a merge's undecided conflicts back into
 * "conflicts") whenever a decision changes, so a plain save keeps it.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "spanmark-teams"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sm-curation.h"
#include "sm-document-private.h"
#include "sm-format.h"
#include "sm-merge.h"
#include "sm-relation.h"
#include "sm-span-private.h"

G_DEFINE_QUARK (sm-curation-error-quark, sm_curation_error)

/* A span as a side has it: what it is, not which document's object */
typedef struct
{
  char   *label;
  GArray *bounds; /* guint pairs */
  char   *note;
  char   *text;
} Piece;

typedef struct
{
  char  *type;
  Piece *from;
  Piece *to;
} Link;

typedef struct
{
  GPtrArray *annotators; /* char * */
  GPtrArray *pieces;     /* Piece, in text order */
  GPtrArray *links;      /* Link */
  JsonNode  *value;      /* STATUS: a string; LABEL: a label object */
} Side;

struct _SmCurationItem
{
  GObject             parent_instance;

  char               *id;
  SmCurationItemKind  kind;
  guint               start;
  guint               end;
  GPtrArray          *sides;    /* Side */
  SmCurationState     state;
  guint               side;
  /* RELATIONS: the type and the span the links start from */
  char               *type;
  Piece              *from;
  /* LABEL: the label's id */
  char               *label;
  /* the merge's conflict object it came from, written back undecided */
  JsonNode           *conflict;
  /* the document curated, for its labels' names */
  SmDocument         *document;
};

struct _SmCuration
{
  GObject     parent_instance;

  SmDocument *document;
  GListStore *items;
  GHashTable *items_by_id;
  GPtrArray  *versions;  /* JsonNode: {"annotator", "name"} of each version */
  char       *curator;
  JsonArray  *kept_conflicts; /* of kinds this version does not know */
  guint       n_decided;
  gulong      decision_handler;
  gulong      annotator_handler;
};

G_DEFINE_FINAL_TYPE (SmCurationItem, sm_curation_item, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (SmCuration, sm_curation, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_STATE,
  N_ITEM_PROPS
};

static GParamSpec *item_properties [N_ITEM_PROPS];

enum {
  PROP_0,
  PROP_N_DECIDED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Pieces */

static void
piece_free (Piece *piece)
{
  g_free (piece->label);
  g_array_unref (piece->bounds);
  g_free (piece->note);
  g_free (piece->text);
  g_free (piece);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Piece, piece_free)

static Piece *
piece_new (SmText      *text,
           const char  *label,
           const guint *bounds,
           guint        n_fragments,
           const char  *note)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->label = g_strdup (label);
  piece->bounds = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * n_fragments);
  g_array_append_vals (piece->bounds, bounds, 2 * n_fragments);
  piece->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  piece->text = sm_text_dup_slices (text, bounds, n_fragments, SM_SPAN_FRAGMENT_JOINER);

  return piece;
}

static Piece *
piece_new_from_span (SmDocument *document,
                     SmSpan     *span)
{
  guint n_fragments;
  const guint *bounds = _sm_span_get_bounds (span, &n_fragments);

  return piece_new (sm_document_get_text (document), sm_span_get_label (span),
                    bounds, n_fragments, sm_span_get_note (span));
}

static Piece *
piece_copy (const Piece *piece)
{
  Piece *copy = g_new0 (Piece, 1);

  copy->label = g_strdup (piece->label);
  copy->bounds = g_array_copy (piece->bounds);
  copy->note = g_strdup (piece->note);
  copy->text = g_strdup (piece->text);

  return copy;
}

static guint
piece_start (const Piece *piece)
{
  return g_array_index (piece->bounds, guint, 0);
}

static guint
piece_end (const Piece *piece)
{
  return g_array_index (piece->bounds, guint, piece->bounds->len - 1);
}

static guint
piece_n_fragments (const Piece *piece)
{
  return piece->bounds->len / 2;
}

/* Pieces are the same span when label and fragments are */
static gboolean
piece_equal (const Piece *a,
             const Piece *b)
{
  return g_strcmp0 (a->label, b->label) == 0 &&
         a->bounds->len == b->bounds->len &&
         memcmp (a->bounds->data, b->bounds->data, a->bounds->len * sizeof (guint)) == 0;
}

static char *
piece_key (const Piece *piece)
{
  GString *key = g_string_new (piece->label);

  for (guint i = 0; i < piece->bounds->len; i++)
    g_string_append_printf (key, "%c%u", i == 0 ? '\x1f' : ',', g_array_index (piece->bounds, guint, i));

  return g_string_free (key, FALSE);
}

static int
piece_compare (gconstpointer a,
               gconstpointer b)
{
  const Piece *pa = *(const Piece * const *) a;
  const Piece *pb = *(const Piece * const *) b;

  if (piece_start (pa) != piece_start (pb))
    return piece_start (pa) < piece_start (pb) ? -1 : 1;
  if (piece_end (pa) != piece_end (pb))
    return piece_end (pa) < piece_end (pb) ? -1 : 1;
  return g_strcmp0 (pa->label, pb->label);
}

static gboolean
span_is_piece (SmSpan      *span,
               const Piece *piece)
{
  guint n_fragments;
  const guint *bounds = _sm_span_get_bounds (span, &n_fragments);

  return g_strcmp0 (sm_span_get_label (span), piece->label) == 0 &&
         2 * n_fragments == piece->bounds->len &&
         memcmp (bounds, piece->bounds->data, piece->bounds->len * sizeof (guint)) == 0;
}

/* The span of @document that is @piece, or %NULL */
static SmSpan *
find_piece (SmDocument  *document,
            const Piece *piece)
{
  g_autoptr(GPtrArray) spans = sm_document_get_spans_in_range (document, piece_start (piece),
                                                               piece_end (piece));

  for (guint i = 0; i < spans->len; i++)
    if (span_is_piece (g_ptr_array_index (spans, i), piece))
      return g_ptr_array_index (spans, i);

  return NULL;
}

static JsonNode *
piece_to_json (const Piece *piece)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "label", piece->label);
  json_object_set_int_member (object, "start", piece_start (piece));
  json_object_set_int_member (object, "end", piece_end (piece));
  if (piece_n_fragments (piece) > 1)
    {
      JsonArray *fragments = json_array_new ();

      for (guint i = 0; i < piece->bounds->len; i += 2)
        {
          JsonArray *pair = json_array_new ();

          json_array_add_int_element (pair, g_array_index (piece->bounds, guint, i));
          json_array_add_int_element (pair, g_array_index (piece->bounds, guint, i + 1));
          json_array_add_array_element (fragments, pair);
        }
      json_object_set_array_member (object, "fragments", fragments);
    }
  json_object_set_string_member (object, "text", piece->text);
  if (piece->note != NULL)
    json_object_set_string_member (object, "note", piece->note);

  json_node_set_object (node, object);
  return node;
}

static gboolean
read_offset (JsonNode *node,
             guint     length,
             guint    *offset)
{
  gint64 value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  value = json_node_get_int (node);
  if (value < 0 || value > length)
    return FALSE;
  *offset = value;
  return TRUE;
}

/* A span object as a merge's conflicts and the curation record write it */
static Piece *
piece_new_from_json (SmDocument  *document,
                     JsonNode    *node,
                     const char  *where,
                     GError     **error)
{
  guint length = sm_document_get_length (document);
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonObject *object;
  const char *label;
  JsonArray *fragments;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;
  object = json_node_get_object (node);
  label = json_object_get_string_member_with_default (object, "label", NULL);
  if (label == NULL || sm_document_find_label (document, label) == NULL)
    goto invalid;

  fragments = json_object_has_member (object, "fragments") ?
              json_object_get_array_member (object, "fragments") : NULL;
  if (fragments != NULL)
    {
      for (guint i = 0; i < json_array_get_length (fragments); i++)
        {
          JsonNode *pair = json_array_get_element (fragments, i);
          guint start, end;

          if (!JSON_NODE_HOLDS_ARRAY (pair) || json_array_get_length (json_node_get_array (pair)) != 2 ||
              !read_offset (json_array_get_element (json_node_get_array (pair), 0), length, &start) ||
              !read_offset (json_array_get_element (json_node_get_array (pair), 1), length, &end) ||
              start >= end || (bounds->len > 0 && start <= g_array_index (bounds, guint, bounds->len - 1)))
            goto invalid;
          g_array_append_val (bounds, start);
          g_array_append_val (bounds, end);
        }
    }
  else
    {
      guint start, end;

      if (!read_offset (json_object_get_member (object, "start"), length, &start) ||
          !read_offset (json_object_get_member (object, "end"), length, &end) || start >= end)
        goto invalid;
      g_array_append_val (bounds, start);
      g_array_append_val (bounds, end);
    }
  if (bounds->len == 0)
    goto invalid;

  return piece_new (sm_document_get_text (document), label, (const guint *) bounds->data,
                    bounds->len / 2,
                    json_object_get_string_member_with_default (object, "note", NULL));

invalid:
  g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
               /* Translators: %s says where, e.g. "conflict 2" */
               _("%s: a span must have a label of the document and a range inside its text"), where);
  return NULL;
}

/* Links */

static void
link_free (Link *link)
{
  g_free (link->type);
  piece_free (link->from);
  piece_free (link->to);
  g_free (link);
}

static Link *
link_new (const char  *type,
          const Piece *from,
          const Piece *to)
{
  Link *link = g_new0 (Link, 1);

  link->type = g_strdup (type);
  link->from = piece_copy (from);
  link->to = piece_copy (to);

  return link;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Link, link_free)

static gboolean
link_equal (const Link *a,
            const Link *b)
{
  return g_strcmp0 (a->type, b->type) == 0 && piece_equal (a->from, b->from) && piece_equal (a->to, b->to);
}

static int
link_compare (gconstpointer a,
              gconstpointer b)
{
  const Link *la = *(const Link * const *) a;
  const Link *lb = *(const Link * const *) b;

  return piece_compare (&la->to, &lb->to);
}

static JsonNode *
link_to_json (const Link *link)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "type", link->type);
  json_object_set_member (object, "from", piece_to_json (link->from));
  json_object_set_member (object, "to", piece_to_json (link->to));
  json_node_set_object (node, object);

  return node;
}

static Link *
link_new_from_json (SmDocument  *document,
                    JsonNode    *node,
                    const char  *where,
                    GError     **error)
{
  g_autoptr(Piece) from = NULL;
  g_autoptr(Piece) to = NULL;
  JsonObject *object;
  const char *type;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;
  object = json_node_get_object (node);
  type = json_object_get_string_member_with_default (object, "type", NULL);
  if (type == NULL || !sm_relation_type_is_valid (type, NULL))
    goto invalid;
  if ((from = piece_new_from_json (document, json_object_get_member (object, "from"), where, error)) == NULL ||
      (to = piece_new_from_json (document, json_object_get_member (object, "to"), where, error)) == NULL)
    return NULL;

  return link_new (type, from, to);

invalid:
  g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
               _("%s: a link must have a type and two spans"), where);
  return NULL;
}

/* Sides */

static void
side_free (Side *side)
{
  g_ptr_array_unref (side->annotators);
  g_ptr_array_unref (side->pieces);
  g_ptr_array_unref (side->links);
  g_clear_pointer (&side->value, json_node_unref);
  g_free (side);
}

static Side *
side_new (void)
{
  Side *side = g_new0 (Side, 1);

  side->annotators = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  side->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  side->links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);

  return side;
}

static void
side_add_link (Side       *side,
               const Link *link)
{
  for (guint i = 0; i < side->links->len; i++)
    if (link_equal (g_ptr_array_index (side->links, i), link))
      return;

  g_ptr_array_add (side->links, link_new (link->type, link->from, link->to));
}

/* Items */

static void
sm_curation_item_finalize (GObject *object)
{
  SmCurationItem *self = (SmCurationItem *)object;

  g_free (self->id);
  g_ptr_array_unref (self->sides);
  g_free (self->type);
  g_clear_pointer (&self->from, piece_free);
  g_free (self->label);
  g_clear_pointer (&self->conflict, json_node_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sm_curation_item_parent_class)->finalize (object);
}

static void
sm_curation_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmCurationItem *self = SM_CURATION_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_curation_item_class_init (SmCurationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_curation_item_finalize;
  object_class->get_property = sm_curation_item_get_property;

  /* An SmCurationState */
  item_properties [ITEM_PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, SM_CURATION_EDITED, SM_CURATION_UNDECIDED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
sm_curation_item_init (SmCurationItem *self)
{
  self->sides = g_ptr_array_new_with_free_func ((GDestroyNotify) side_free);
}

static SmCurationItem *
item_new (SmCurationItemKind kind)
{
  SmCurationItem *item = g_object_new (SM_TYPE_CURATION_ITEM, NULL);

  item->kind = kind;
  return item;
}

static Side *
item_get_side (SmCurationItem *self,
               guint           side)
{
  g_return_val_if_fail (side < self->sides->len, NULL);

  return g_ptr_array_index (self->sides, side);
}

const char *
sm_curation_item_get_id (SmCurationItem *self)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), NULL);

  return self->id;
}

SmCurationItemKind
sm_curation_item_get_kind (SmCurationItem *self)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), SM_CURATION_ITEM_SPANS);

  return self->kind;
}

/**
 * sm_curation_item_get_range:
 *
 * Gets the stretch of text the item is about; both are 0 for an item about
 * the whole document (its status, a label).
 */
void
sm_curation_item_get_range (SmCurationItem *self,
                            guint          *start,
                            guint          *end)
{
  g_return_if_fail (SM_IS_CURATION_ITEM (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
}

/**
 * sm_curation_item_get_state:
 * @side: (out) (optional): the side taken, when %SM_CURATION_TAKEN
 */
SmCurationState
sm_curation_item_get_state (SmCurationItem *self,
                            guint          *side)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), SM_CURATION_UNDECIDED);

  if (side != NULL)
    *side = self->side;
  return self->state;
}

guint
sm_curation_item_get_n_sides (SmCurationItem *self)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), 0);

  return self->sides->len;
}

/**
 * sm_curation_item_get_side_annotators:
 *
 * Returns: (transfer none): who made @side, as the versions name them
 */
const char * const *
sm_curation_item_get_side_annotators (SmCurationItem *self,
                                      guint           side)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), NULL);
  g_return_val_if_fail (side < self->sides->len, NULL);

  return (const char * const *) item_get_side (self, side)->annotators->pdata;
}

static const char *
label_name (SmDocument *document,
            const char *id)
{
  SmLabel *label = sm_document_find_label (document, id);

  return label != NULL ? sm_label_get_name (label) : id;
}

/* One line of what @side is, as the curator reads it */
static char *
dup_side_summary (SmCurationItem *self,
                  SmDocument     *document,
                  guint           side_index)
{
  Side *side = item_get_side (self, side_index);
  GString *summary = g_string_new (NULL);

  switch (self->kind)
    {
    case SM_CURATION_ITEM_SPANS:
      for (guint i = 0; i < side->pieces->len; i++)
        {
          Piece *piece = g_ptr_array_index (side->pieces, i);
          g_autofree char *one = NULL;

          /* Translators: a span: its label and its text, e.g. Speaker “the minister” */
          one = g_strdup_printf (C_("curation", "%s “%s”"), label_name (document, piece->label), piece->text);
          if (i > 0)
            g_string_append (summary, C_("curation", ", "));
          g_string_append (summary, one);
        }
      if (side->pieces->len == 0)
        g_string_append (summary, C_("curation", "nothing"));
      break;

    case SM_CURATION_ITEM_RELATIONS:
      for (guint i = 0; i < side->links->len; i++)
        {
          Link *link = g_ptr_array_index (side->links, i);
          g_autofree char *one = NULL;

          /* Translators: a link and where it goes, e.g. said_by → “the minister” */
          one = g_strdup_printf (C_("curation", "%s → “%s”"), link->type, link->to->text);
          if (i > 0)
            g_string_append (summary, C_("curation", ", "));
          g_string_append (summary, one);
        }
      if (side->links->len == 0)
        g_string_append (summary, C_("curation", "no link"));
      break;

    case SM_CURATION_ITEM_STATUS:
      {
        SmDocumentStatus status = SM_DOCUMENT_STATUS_NEW;

        sm_document_status_from_string (json_node_get_string (side->value), &status);
        g_string_append (summary, status == SM_DOCUMENT_STATUS_DONE ? C_("status", "Done") :
                                  status == SM_DOCUMENT_STATUS_IN_PROGRESS ? C_("status", "In Progress") :
                                  C_("status", "New"));
      }
      break;

    case SM_CURATION_ITEM_LABEL:
      if (side->value != NULL && JSON_NODE_HOLDS_OBJECT (side->value))
        {
          JsonObject *object = json_node_get_object (side->value);

          /* Translators: a label's definition: its name, colour and key */
          g_string_append_printf (summary, C_("curation", "“%s”, %s, key %s"),
                                  json_object_get_string_member_with_default (object, "name", ""),
                                  json_object_get_string_member_with_default (object, "color", ""),
                                  json_object_get_string_member_with_default (object, "key", "—"));
        }
      else
        g_string_append (summary, C_("curation", "no such label"));
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (summary, FALSE);
}

/**
 * sm_curation_item_dup_side_summary:
 *
 * Returns: what @side is, in one line, e.g. Speaker “the minister”
 */
char *
sm_curation_item_dup_side_summary (SmCurationItem *self,
                                   guint           side)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), NULL);
  g_return_val_if_fail (side < self->sides->len, NULL);

  return dup_side_summary (self, self->document, side);
}

guint
sm_curation_item_get_side_n_spans (SmCurationItem *self,
                                   guint           side)
{
  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), 0);
  g_return_val_if_fail (side < self->sides->len, 0);

  return item_get_side (self, side)->pieces->len;
}

/**
 * sm_curation_item_get_side_span:
 * @start: (out) (optional): where the span starts
 * @end: (out) (optional): where it ends (its last fragment's end)
 *
 * Returns: the span's label id
 */
const char *
sm_curation_item_get_side_span (SmCurationItem *self,
                                guint           side,
                                guint           position,
                                guint          *start,
                                guint          *end)
{
  Piece *piece;

  g_return_val_if_fail (SM_IS_CURATION_ITEM (self), NULL);
  g_return_val_if_fail (side < self->sides->len, NULL);
  g_return_val_if_fail (position < item_get_side (self, side)->pieces->len, NULL);

  piece = g_ptr_array_index (item_get_side (self, side)->pieces, position);
  if (start != NULL)
    *start = piece_start (piece);
  if (end != NULL)
    *end = piece_end (piece);
  return piece->label;
}

/* The curation */

static void
sm_curation_dispose (GObject *object)
{
  SmCuration *self = (SmCuration *)object;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->decision_handler, self->document);
      g_clear_signal_handler (&self->annotator_handler, self->document);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->items);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->curator, g_free);
  g_clear_pointer (&self->kept_conflicts, json_array_unref);

  G_OBJECT_CLASS (sm_curation_parent_class)->dispose (object);
}

static void
sm_curation_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmCuration *self = SM_CURATION (object);

  switch (prop_id)
    {
    case PROP_N_DECIDED:
      g_value_set_uint (value, self->n_decided);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_curation_class_init (SmCurationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_curation_dispose;
  object_class->get_property = sm_curation_get_property;

  properties [PROP_N_DECIDED] =
    g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_curation_init (SmCuration *self)
{
  self->items = g_list_store_new (SM_TYPE_CURATION_ITEM);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->kept_conflicts = json_array_new ();
}

/* Decisions are kept in the document as "taken N", "dropped" or "edited" */
static void
parse_decision (const char      *decision,
                SmCurationState *state,
                guint           *side)
{
  guint64 n;

  *state = SM_CURATION_UNDECIDED;
  *side = 0;
  if (decision == NULL)
    return;
  if (g_str_equal (decision, "dropped"))
    *state = SM_CURATION_DROPPED;
  else if (g_str_equal (decision, "edited"))
    *state = SM_CURATION_EDITED;
  else if (g_str_has_prefix (decision, "taken ") &&
           g_ascii_string_to_unsigned (decision + strlen ("taken "), 10, 0, G_MAXUINT, &n, NULL))
    {
      *state = SM_CURATION_TAKEN;
      *side = n;
    }
}

static const char *
state_to_string (SmCurationState state)
{
  switch (state)
    {
    case SM_CURATION_TAKEN:
      return "taken";
    case SM_CURATION_DROPPED:
      return "dropped";
    case SM_CURATION_EDITED:
      return "edited";
    case SM_CURATION_UNDECIDED:
    default:
      return NULL;
    }
}

static const char *
kind_to_string (SmCurationItemKind kind)
{
  switch (kind)
    {
    case SM_CURATION_ITEM_SPANS:
      return "spans";
    case SM_CURATION_ITEM_RELATIONS:
      return "relations";
    case SM_CURATION_ITEM_STATUS:
      return "status";
    case SM_CURATION_ITEM_LABEL:
      return "label";
    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
item_to_json (SmCurationItem *item)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *sides = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "id", item->id);
  json_object_set_string_member (object, "kind", kind_to_string (item->kind));
  if (item->type != NULL)
    json_object_set_string_member (object, "type", item->type);
  if (item->from != NULL)
    json_object_set_member (object, "from", piece_to_json (item->from));
  if (item->label != NULL)
    json_object_set_string_member (object, "label", item->label);

  for (guint i = 0; i < item->sides->len; i++)
    {
      Side *side = g_ptr_array_index (item->sides, i);
      JsonObject *side_object = json_object_new ();
      JsonArray *annotators = json_array_new ();

      for (guint j = 0; j < side->annotators->len; j++)
        json_array_add_string_element (annotators, g_ptr_array_index (side->annotators, j));
      json_object_set_array_member (side_object, "annotators", annotators);

      if (item->kind == SM_CURATION_ITEM_SPANS)
        {
          JsonArray *spans = json_array_new ();

          for (guint j = 0; j < side->pieces->len; j++)
            json_array_add_element (spans, piece_to_json (g_ptr_array_index (side->pieces, j)));
          json_object_set_array_member (side_object, "spans", spans);
        }
      if (side->links->len > 0 || item->kind == SM_CURATION_ITEM_RELATIONS)
        {
          JsonArray *links = json_array_new ();

          for (guint j = 0; j < side->links->len; j++)
            json_array_add_element (links, link_to_json (g_ptr_array_index (side->links, j)));
          json_object_set_array_member (side_object, "relations", links);
        }
      if (side->value != NULL)
        json_object_set_member (side_object, "value", json_node_copy (side->value));

      json_array_add_object_element (sides, side_object);
    }
  json_object_set_array_member (object, "sides", sides);

  if (item->state != SM_CURATION_UNDECIDED)
    json_object_set_string_member (object, "decision", state_to_string (item->state));
  if (item->state == SM_CURATION_TAKEN)
    json_object_set_int_member (object, "side", item->side);

  json_node_set_object (node, object);
  return node;
}

/* Writes the record into the document, where a save finds it */
static void
write_record (SmCuration *self)
{
  g_autoptr(JsonObject) record = json_object_new ();
  g_autoptr(JsonNode) record_node = json_node_new (JSON_NODE_OBJECT);
  JsonArray *versions = json_array_new ();
  JsonArray *items = json_array_new ();
  g_autoptr(JsonArray) conflicts = json_array_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->curator != NULL && self->curator[0] != '\0')
    json_object_set_string_member (record, "curator", self->curator);
  for (guint i = 0; i < self->versions->len; i++)
    json_array_add_element (versions, json_node_copy (g_ptr_array_index (self->versions, i)));
  json_object_set_array_member (record, "versions", versions);

  for (guint i = 0; i < json_array_get_length (self->kept_conflicts); i++)
    json_array_add_element (conflicts, json_node_copy (json_array_get_element (self->kept_conflicts, i)));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      /* A merge's conflict still undecided stays where other tools look */
      if (item->conflict != NULL && item->state == SM_CURATION_UNDECIDED)
        json_array_add_element (conflicts, json_node_copy (item->conflict));
      else
        json_array_add_element (items, item_to_json (item));
    }
  json_object_set_array_member (record, "items", items);
  json_node_set_object (record_node, record);

  /* A merge's conflicts alone, none decided yet, need no record */
  if (json_array_get_length (items) > 0 || self->versions->len > 0)
    sm_format_set_extra_member (self->document, SM_CURATION_MEMBER, record_node);
  else
    sm_format_set_extra_member (self->document, SM_CURATION_MEMBER, NULL);
  if (json_array_get_length (conflicts) > 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, conflicts);
      sm_format_set_extra_member (self->document, SM_MERGE_CONFLICTS_MEMBER, node);
    }
  else
    sm_format_set_extra_member (self->document, SM_MERGE_CONFLICTS_MEMBER, NULL);
}

static void
update_item_state (SmCuration     *self,
                   SmCurationItem *item)
{
  SmCurationState state;
  guint side;

  parse_decision (sm_document_get_decision (self->document, item->id), &state, &side);
  if (state == SM_CURATION_TAKEN && side >= item->sides->len)
    state = SM_CURATION_UNDECIDED;
  if (state == item->state && side == item->side)
    return;

  if ((item->state == SM_CURATION_UNDECIDED) != (state == SM_CURATION_UNDECIDED))
    {
      self->n_decided += state == SM_CURATION_UNDECIDED ? -1 : 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DECIDED]);
    }
  item->state = state;
  item->side = side;
  g_object_notify_by_pspec (G_OBJECT (item), item_properties [ITEM_PROP_STATE]);
}

static void
on_decision_changed (SmDocument *document,
                     const char *id,
                     SmCuration *self)
{
  SmCurationItem *item = g_hash_table_lookup (self->items_by_id, id);
  guint position;

  if (item == NULL)
    return;

  update_item_state (self, item);
  write_record (self);

  if (g_list_store_find (self->items, item, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->items), position, 1, 1);
}

static int
item_compare (gconstpointer a,
              gconstpointer b)
{
  const SmCurationItem *ia = *(const SmCurationItem * const *) a;
  const SmCurationItem *ib = *(const SmCurationItem * const *) b;

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end < ib->end ? -1 : 1;
  return 0;
}

/* A curation begun before the curator gave a name (the window asks at
 * the first save) is theirs once the document is saved with it */
static void
on_annotator_changed (SmDocument *document,
                      GParamSpec *pspec,
                      SmCuration *self)
{
  if (self->curator != NULL && self->curator[0] != '\0')
    return;

  g_free (self->curator);
  self->curator = g_strdup (sm_document_get_annotator (document));
  write_record (self);
}

/* Takes the items, sorted, and starts following the document */
static void
finish (SmCuration *self,
        GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      SmCurationItem *item = g_ptr_array_index (items, i);

      g_set_object (&item->document, self->document);
      g_hash_table_insert (self->items_by_id, item->id, item);
      parse_decision (sm_document_get_decision (self->document, item->id), &item->state, &item->side);
      if (item->state != SM_CURATION_UNDECIDED)
        self->n_decided++;
    }
  g_ptr_array_sort (items, item_compare);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  self->decision_handler = g_signal_connect (self->document, "decision-changed",
                                             G_CALLBACK (on_decision_changed), self);
  self->annotator_handler = g_signal_connect (self->document, "notify::annotator",
                                              G_CALLBACK (on_annotator_changed), self);
  write_record (self);
}

/* Curating versions */

typedef struct
{
  Piece *piece;
  guint  version;
} Occurrence;

static char *
annotator_name (SmDocument *version,
                guint       position,
                GPtrArray  *taken)
{
  const char *annotator = sm_document_get_annotator (version);
  g_autofree char *name = NULL;
  char *unique;

  if (annotator != NULL && *annotator != '\0')
    name = g_strdup (annotator);
  else
    /* Translators: a version of a document that names no annotator */
    name = g_strdup_printf (_("Version %u"), position + 1);

  unique = g_strdup (name);
  for (guint n = 2; g_ptr_array_find_with_equal_func (taken, unique, g_str_equal, NULL); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s (%u)", name, n);
    }
  g_ptr_array_add (taken, unique);

  return g_strdup (unique);
}

static SmDocument *
new_result (GPtrArray  *versions,
            const char *curator)
{
  SmDocument *first = g_ptr_array_index (versions, 0);
  SmDocument *result = sm_document_new (sm_document_get_text (first), sm_document_get_name (first));

  _sm_document_clear_labels (result);
  for (guint v = 0; v < versions->len; v++)
    {
      GListModel *labels = sm_document_get_labels (g_ptr_array_index (versions, v));

      for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
        {
          g_autoptr(SmLabel) label = g_list_model_get_item (labels, i);
          g_autoptr(SmLabel) copy = NULL;
          const char *key = sm_label_get_key (label);

          if (sm_document_find_label (result, sm_label_get_id (label)) != NULL)
            continue;
          if (key != NULL && sm_document_find_label_by_key (result, key) != NULL)
            key = NULL;
          copy = sm_label_new (sm_label_get_id (label), sm_label_get_name (label),
                               sm_label_get_color (label), key);
          sm_document_add_label (result, copy, NULL);
        }
    }

  if (!_sm_document_has_default_relation_types (first))
    {
      sm_document_clear_relation_types (result);
      for (guint i = 0; i < sm_document_get_n_relation_types (first); i++)
        {
          const char *type = sm_document_get_relation_type (first, i);

          sm_document_set_relation_type (result, type, sm_document_get_relation_from (first, type),
                                         sm_document_get_relation_to (first, type), NULL);
        }
    }

  _sm_document_set_loaded_meta (result, SM_DOCUMENT_STATUS_IN_PROGRESS, curator, NULL, NULL);
  return result;
}

static SmSpan *
insert_piece (SmDocument  *document,
              const Piece *piece,
              guint       *next_span)
{
  g_autofree char *id = g_strdup_printf ("T%u", (*next_span)++);
  g_autoptr(SmSpan) span = _sm_span_new_with_fragments (id, piece->label, (const guint *) piece->bounds->data,
                                                        piece_n_fragments (piece), piece->text);

  if (piece->note != NULL)
    _sm_span_set_note (span, piece->note);
  if (!_sm_document_insert_span (document, span, NULL))
    return NULL;
  return span;
}

/* Every version's pieces, and how many versions have each (by key) */
typedef struct
{
  GPtrArray  *pieces;   /* per version: GPtrArray of Piece */
  GHashTable *counts;   /* key -> versions having it */
} Census;

static void
census_clear (Census *census)
{
  g_clear_pointer (&census->pieces, g_ptr_array_unref);
  g_clear_pointer (&census->counts, g_hash_table_unref);
}

static gboolean
census_agreed (Census      *census,
               const Piece *piece)
{
  g_autofree char *key = piece_key (piece);

  return GPOINTER_TO_UINT (g_hash_table_lookup (census->counts, key)) == census->pieces->len;
}

static void
take_census (Census    *census,
             GPtrArray *versions)
{
  census->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  census->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint v = 0; v < versions->len; v++)
    {
      SmDocument *version = g_ptr_array_index (versions, v);
      GListModel *spans = sm_document_get_spans (version);
      GPtrArray *pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (spans); i++)
        {
          g_autoptr(SmSpan) span = g_list_model_get_item (spans, i);
          Piece *piece;
          char *key;

          /* Empty spans are ignored, as agreement ignores them */
          if (sm_span_get_start (span) == sm_span_get_end (span))
            continue;
          piece = piece_new_from_span (version, span);
          key = piece_key (piece);
          g_ptr_array_add (pieces, piece);
          if (g_hash_table_add (seen, g_strdup (key)))
            g_hash_table_insert (census->counts, key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (census->counts, key)) + 1));
          else
            g_free (key);
        }
      g_ptr_array_add (census->pieces, pieces);
    }
}

static int
occurrence_compare (gconstpointer a,
                    gconstpointer b)
{
  const Occurrence *oa = *(const Occurrence * const *) a;
  const Occurrence *ob = *(const Occurrence * const *) b;

  if (piece_start (oa->piece) != piece_start (ob->piece))
    return piece_start (oa->piece) < piece_start (ob->piece) ? -1 : 1;
  return oa->version < ob->version ? -1 : oa->version > ob->version;
}

/* Groups the versions of @members (per version: GPtrArray of Piece, or of
 * Link for relations) into sides by what they hold, biggest first */
static void
add_sides (SmCurationItem *item,
           GPtrArray      *annotators,
           GPtrArray      *per_version,
           gboolean        links)
{
  g_autoptr(GHashTable) by_signature = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint v = 0; v < per_version->len; v++)
    {
      GPtrArray *members = g_ptr_array_index (per_version, v);
      g_autoptr(GString) signature = g_string_new (NULL);
      Side *side;

      for (guint i = 0; i < members->len; i++)
        {
          g_autofree char *key = NULL;

          if (links)
            {
              Link *link = g_ptr_array_index (members, i);
              g_autofree char *to = piece_key (link->to);

              key = g_strconcat (link->type, "\x1d", to, NULL);
            }
          else
            key = piece_key (g_ptr_array_index (members, i));
          g_string_append (signature, key);
          g_string_append_c (signature, '\x1e');
        }

      side = g_hash_table_lookup (by_signature, signature->str);
      if (side == NULL)
        {
          side = side_new ();
          for (guint i = 0; i < members->len; i++)
            {
              if (links)
                side_add_link (side, g_ptr_array_index (members, i));
              else
                g_ptr_array_add (side->pieces, piece_copy (g_ptr_array_index (members, i)));
            }
          g_ptr_array_add (item->sides, side);
          g_hash_table_insert (by_signature, g_strdup (signature->str), side);
        }
      g_ptr_array_add (side->annotators, g_strdup (g_ptr_array_index (annotators, v)));
    }

  /* The side most versions took first; ties in the versions' order */
  for (guint i = 1; i < item->sides->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Side *a = g_ptr_array_index (item->sides, j - 1);
        Side *b = g_ptr_array_index (item->sides, j);

        if (b->annotators->len <= a->annotators->len)
          break;
        item->sides->pdata[j - 1] = b;
        item->sides->pdata[j] = a;
      }
}

/* What sm_curation_new() works with while it builds */
typedef struct
{
  SmDocument *result;
  GPtrArray  *versions;
  GPtrArray  *annotators;  /* each version's name */
  Census      census;
  GPtrArray  *items;       /* SmCurationItem */
  GHashTable *item_of;     /* "version\x1cpiece key" -> position in items */
  GHashTable *link_groups; /* "type\x1dfrom key" -> per version: GPtrArray of Link */
  GPtrArray  *group_order; /* the link groups, in the order found */
  guint       next_span;
  guint       next_relation;
} Builder;

static void
builder_clear (Builder *builder)
{
  census_clear (&builder->census);
  g_clear_pointer (&builder->annotators, g_ptr_array_unref);
  g_clear_pointer (&builder->items, g_ptr_array_unref);
  g_clear_pointer (&builder->item_of, g_hash_table_unref);
  g_clear_pointer (&builder->link_groups, g_hash_table_unref);
  g_clear_pointer (&builder->group_order, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static gboolean
check_versions (GPtrArray  *versions,
                GError    **error)
{
  SmDocument *first;

  if (versions->len < 2)
    {
      g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_VERSIONS,
                   _("Curating needs at least two versions of a document"));
      return FALSE;
    }

  first = g_ptr_array_index (versions, 0);
  for (guint v = 0; v < versions->len; v++)
    {
      SmDocument *version = g_ptr_array_index (versions, v);
      g_autoptr(GError) broken = NULL;

      /* A link its type does not allow could neither be agreed on nor
       * taken: the version is refused, as validate and agree refuse it */
      if (!sm_document_check_relations (version, &broken))
        {
          const char *annotator = sm_document_get_annotator (version);

          /* Versions of one document share its name: the annotator tells
           * them apart */
          if (annotator != NULL && *annotator != '\0')
            /* Translators: "Ana’s version of “a” cannot be curated: relation
             * R1: span T2 is labelled FIGURE, but a said_by relation goes to
             * SPEAKER. …" */
            g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_INVALID,
                         _("%s’s version of “%s” cannot be curated: %s. Open it to remove the relation or relabel its spans."),
                         annotator, sm_document_get_name (version), broken->message);
          else
            g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_INVALID,
                         _("A version of “%s” cannot be curated: %s. Open it to remove the relation or relabel its spans."),
                         sm_document_get_name (version), broken->message);
          return FALSE;
        }

      if (v > 0 && g_strcmp0 (sm_text_get_sha256 (sm_document_get_text (version)),
                     sm_text_get_sha256 (sm_document_get_text (first))) != 0)
        {
          g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_TEXT,
                       _("“%s” and “%s” are not versions of one article: their texts differ"),
                       sm_document_get_name (first), sm_document_get_name (version));
          return FALSE;
        }
    }

  return TRUE;
}

/* What all agree on is in the result from the start, with the note of
 * the first version that has one */
static void
add_agreed_spans (Builder *builder)
{
  GPtrArray *first = g_ptr_array_index (builder->census.pieces, 0);

  for (guint i = 0; i < first->len; i++)
    {
      Piece *piece = g_ptr_array_index (first, i);
      Piece *with_note = piece;

      if (!census_agreed (&builder->census, piece) || find_piece (builder->result, piece) != NULL)
        continue;

      for (guint v = 1; v < builder->versions->len && with_note->note == NULL; v++)
        {
          GPtrArray *pieces = g_ptr_array_index (builder->census.pieces, v);

          for (guint j = 0; j < pieces->len && with_note->note == NULL; j++)
            {
              Piece *other = g_ptr_array_index (pieces, j);

              if (other->note != NULL && piece_equal (other, piece))
                with_note = other;
            }
        }
      insert_piece (builder->result, with_note, &builder->next_span);
    }
}

/* The rest, grouped where they overlap: an item each */
static void
add_span_items (Builder *builder)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_free);
  guint n_versions = builder->versions->len;
  guint group_end = 0;

  for (guint v = 0; v < n_versions; v++)
    {
      GPtrArray *pieces = g_ptr_array_index (builder->census.pieces, v);

      for (guint i = 0; i < pieces->len; i++)
        if (!census_agreed (&builder->census, g_ptr_array_index (pieces, i)))
          {
            Occurrence *occurrence = g_new (Occurrence, 1);

            occurrence->piece = g_ptr_array_index (pieces, i);
            occurrence->version = v;
            g_ptr_array_add (occurrences, occurrence);
          }
    }
  g_ptr_array_sort (occurrences, occurrence_compare);

  for (guint i = 0; i < occurrences->len;)
    {
      g_autoptr(GPtrArray) per_version = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      SmCurationItem *item = item_new (SM_CURATION_ITEM_SPANS);

      for (guint v = 0; v < n_versions; v++)
        g_ptr_array_add (per_version, g_ptr_array_new ());

      item->start = piece_start (((Occurrence *) g_ptr_array_index (occurrences, i))->piece);
      group_end = 0;
      for (; i < occurrences->len; i++)
        {
          Occurrence *occurrence = g_ptr_array_index (occurrences, i);
          g_autofree char *key = NULL;

          if (group_end > 0 && piece_start (occurrence->piece) >= group_end)
            break;
          group_end = MAX (group_end, piece_end (occurrence->piece));
          key = piece_key (occurrence->piece);
          g_ptr_array_add (g_ptr_array_index (per_version, occurrence->version), occurrence->piece);
          g_hash_table_insert (builder->item_of, g_strdup_printf ("%u\x1c%s", occurrence->version, key),
                               GUINT_TO_POINTER (builder->items->len));
        }
      item->end = group_end;

      for (guint v = 0; v < n_versions; v++)
        g_ptr_array_sort (g_ptr_array_index (per_version, v), piece_compare);
      add_sides (item, builder->annotators, per_version, FALSE);
      g_ptr_array_add (builder->items, item);
    }
}

/* A link with an end in an item goes with its version's side there; one
 * between spans all have is sorted into a group by type and start */
static void
sort_link (Builder    *builder,
           guint       version,
           SmRelation *relation)
{
  SmDocument *document = g_ptr_array_index (builder->versions, version);
  g_autoptr(Piece) from = piece_new_from_span (document, sm_relation_get_from (relation));
  g_autoptr(Piece) to = piece_new_from_span (document, sm_relation_get_to (relation));
  g_autoptr(Link) link = link_new (sm_relation_get_type_name (relation), from, to);
  gboolean from_agreed = census_agreed (&builder->census, from);
  gboolean to_agreed = census_agreed (&builder->census, to);

  if (from_agreed && to_agreed)
    {
      g_autofree char *from_key = piece_key (from);
      g_autofree char *group_key = g_strconcat (link->type, "\x1d", from_key, NULL);
      GPtrArray *per_version = g_hash_table_lookup (builder->link_groups, group_key);

      if (per_version == NULL)
        {
          per_version = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
          for (guint v = 0; v < builder->versions->len; v++)
            g_ptr_array_add (per_version, g_ptr_array_new_with_free_func ((GDestroyNotify) link_free));
          g_hash_table_insert (builder->link_groups, g_steal_pointer (&group_key), per_version);
          g_ptr_array_add (builder->group_order, per_version);
        }
      g_ptr_array_add (g_ptr_array_index (per_version, version), g_steal_pointer (&link));
      return;
    }

  for (guint end = 0; end < 2; end++)
    {
      g_autofree char *key = NULL;
      g_autofree char *where = NULL;
      SmCurationItem *item;
      gpointer position;

      if (end == 0 ? from_agreed : to_agreed)
        continue;
      key = piece_key (end == 0 ? from : to);
      where = g_strdup_printf ("%u\x1c%s", version, key);
      if (!g_hash_table_lookup_extended (builder->item_of, where, NULL, &position))
        continue;

      item = g_ptr_array_index (builder->items, GPOINTER_TO_UINT (position));
      for (guint s = 0; s < item->sides->len; s++)
        {
          Side *side = g_ptr_array_index (item->sides, s);

          if (g_ptr_array_find_with_equal_func (side->annotators, g_ptr_array_index (builder->annotators, version),
                                                g_str_equal, NULL))
            side_add_link (side, link);
        }
    }
}

static gboolean
links_agree (GPtrArray *per_version)
{
  GPtrArray *first = g_ptr_array_index (per_version, 0);

  for (guint v = 1; v < per_version->len; v++)
    {
      GPtrArray *links = g_ptr_array_index (per_version, v);

      if (links->len != first->len)
        return FALSE;
      for (guint i = 0; i < first->len; i++)
        if (!link_equal (g_ptr_array_index (first, i), g_ptr_array_index (links, i)))
          return FALSE;
    }

  return TRUE;
}

/* Links all versions made are in the result; the others, an item per group */
static void
add_link_items (Builder *builder)
{
  for (guint v = 0; v < builder->versions->len; v++)
    {
      GListModel *relations = sm_document_get_relations (g_ptr_array_index (builder->versions, v));

      for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
        {
          g_autoptr(SmRelation) relation = g_list_model_get_item (relations, i);

          /* Empty spans are ignored, and their links with them */
          if (sm_span_get_start (sm_relation_get_from (relation)) < sm_span_get_end (sm_relation_get_from (relation)) &&
              sm_span_get_start (sm_relation_get_to (relation)) < sm_span_get_end (sm_relation_get_to (relation)))
            sort_link (builder, v, relation);
        }
    }

  for (guint g = 0; g < builder->group_order->len; g++)
    {
      GPtrArray *per_version = g_ptr_array_index (builder->group_order, g);
      Link *first_link = NULL;

      for (guint v = 0; v < per_version->len; v++)
        {
          GPtrArray *links = g_ptr_array_index (per_version, v);

          g_ptr_array_sort (links, link_compare);
          if (first_link == NULL && links->len > 0)
            first_link = g_ptr_array_index (links, 0);
        }

      if (links_agree (per_version))
        {
          GPtrArray *links = g_ptr_array_index (per_version, 0);

          for (guint i = 0; i < links->len; i++)
            {
              Link *link = g_ptr_array_index (links, i);
              g_autofree char *id = g_strdup_printf ("R%u", builder->next_relation++);
              g_autoptr(SmRelation) relation = _sm_relation_new (id, link->type,
                                                                  find_piece (builder->result, link->from),
                                                                  find_piece (builder->result, link->to));

              _sm_document_insert_relation (builder->result, relation, NULL);
            }
        }
      else
        {
          SmCurationItem *item = item_new (SM_CURATION_ITEM_RELATIONS);

          item->type = g_strdup (first_link->type);
          item->from = piece_copy (first_link->from);
          item->start = piece_start (item->from);
          item->end = piece_end (item->from);
          add_sides (item, builder->annotators, per_version, TRUE);
          g_ptr_array_add (builder->items, item);
        }
    }
}

/**
 * sm_curation_new:
 * @versions: (element-type SmDocument): two or more versions of one article
 * @curator: (nullable): who curates: the result's annotator
 *
 * Starts curating @versions into a new document holding what all of them
 * agree on, with an item for each place where they differ.
 *
 * Returns: (transfer full): the curation, or %NULL with @error set
 */
SmCuration *
sm_curation_new (GPtrArray   *versions,
                 const char  *curator,
                 GError     **error)
{
  g_autoptr(SmCuration) self = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_auto(Builder) builder = { NULL, };

  g_return_val_if_fail (versions != NULL, NULL);

  if (!check_versions (versions, error))
    return NULL;

  self = g_object_new (SM_TYPE_CURATION, NULL);
  self->curator = g_strdup (curator);
  self->document = new_result (versions, curator);

  builder.result = self->document;
  builder.versions = versions;
  builder.annotators = g_ptr_array_new_with_free_func (g_free);
  builder.items = g_ptr_array_new_with_free_func (g_object_unref);
  builder.item_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  builder.link_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  builder.group_order = g_ptr_array_new ();
  builder.next_span = 1;
  builder.next_relation = 1;

  for (guint v = 0; v < versions->len; v++)
    {
      SmDocument *version = g_ptr_array_index (versions, v);
      g_autoptr(JsonObject) object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);
      char *name = annotator_name (version, v, taken);

      json_object_set_string_member (object, "annotator", name);
      json_object_set_string_member (object, "name", sm_document_get_name (version));
      json_node_set_object (node, object);
      g_ptr_array_add (self->versions, node);
      g_ptr_array_add (builder.annotators, name);
    }

  take_census (&builder.census, versions);
  add_agreed_spans (&builder);
  add_span_items (&builder);
  add_link_items (&builder);
  _sm_document_set_next_numbers (self->document, builder.next_span, builder.next_relation);

  g_ptr_array_sort (builder.items, item_compare);
  for (guint i = 0; i < builder.items->len; i++)
    ((SmCurationItem *) g_ptr_array_index (builder.items, i))->id = g_strdup_printf ("D%u", i + 1);

  finish (self, builder.items);
  sm_document_set_modified (self->document, TRUE);

  return g_steal_pointer (&self);
}

/* Deciding */

static SmSpan *
add_piece (SmDocument   *document,
           const Piece  *piece,
           GError      **error)
{
  const guint *bounds = (const guint *) piece->bounds->data;
  SmSpan *span = sm_document_add_span (document, piece->label, bounds[0], bounds[1], error);

  if (span == NULL)
    return NULL;
  for (guint i = 1; i < piece_n_fragments (piece); i++)
    if (!sm_document_add_fragment (document, span, bounds[2 * i], bounds[2 * i + 1], error))
      return NULL;
  if (piece->note != NULL)
    sm_document_set_span_note (document, span, piece->note);

  return span;
}

/* Makes @span what @piece is, keeping its links where it can */
static gboolean
change_span (SmDocument   *document,
             SmSpan       *span,
             const Piece  *piece,
             GError      **error)
{
  guint n_fragments;

  _sm_span_get_bounds (span, &n_fragments);
  if (n_fragments > 1 || piece_n_fragments (piece) > 1)
    {
      if (span_is_piece (span, piece))
        {
          sm_document_set_span_note (document, span, piece->note);
          return TRUE;
        }
      sm_document_remove_span (document, span);
      return add_piece (document, piece, error) != NULL;
    }

  if (g_strcmp0 (sm_span_get_label (span), piece->label) != 0 &&
      !sm_document_set_span_label (document, span, piece->label, error))
    return FALSE;
  if ((sm_span_get_start (span) != piece_start (piece) || sm_span_get_end (span) != piece_end (piece)) &&
      !sm_document_set_span_range (document, span, piece_start (piece), piece_end (piece), error))
    return FALSE;
  if (g_strcmp0 (sm_span_get_note (span), piece->note) != 0)
    sm_document_set_span_note (document, span, piece->note);

  return TRUE;
}

static SmRelation *
find_link (SmDocument *document,
           const Link *link)
{
  SmSpan *from = find_piece (document, link->from);
  SmSpan *to = find_piece (document, link->to);
  g_autoptr(GPtrArray) relations = NULL;

  if (from == NULL || to == NULL)
    return NULL;

  relations = sm_document_get_relations_of_span (document, from);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      SmRelation *relation = g_ptr_array_index (relations, i);

      if (sm_relation_get_from (relation) == from && sm_relation_get_to (relation) == to &&
          g_strcmp0 (sm_relation_get_type_name (relation), link->type) == 0)
        return relation;
    }

  return NULL;
}

/* A side's links whose two ends are in the document now; one that no
 * longer fits (a claim that already has a speaker) is left to the curator */
static void
add_links (SmDocument *document,
           Side       *side)
{
  for (guint i = 0; i < side->links->len; i++)
    {
      Link *link = g_ptr_array_index (side->links, i);
      SmSpan *from = find_piece (document, link->from);
      SmSpan *to = find_piece (document, link->to);

      if (from != NULL && to != NULL && find_link (document, link) == NULL)
        sm_document_add_relation (document, link->type, from, to, NULL);
    }
}

/* Puts @wanted (or nothing) where the item's sides put their spans */
static gboolean
apply_spans (SmDocument      *document,
             SmCurationItem  *item,
             Side            *wanted,
             GError         **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint s = 0; s < item->sides->len; s++)
    {
      Side *side = g_ptr_array_index (item->sides, s);

      for (guint i = 0; i < side->pieces->len; i++)
        {
          SmSpan *span = find_piece (document, g_ptr_array_index (side->pieces, i));

          if (span != NULL && !g_ptr_array_find (targets, span, NULL))
            g_ptr_array_add (targets, span);
        }
    }

  /* What is already there stays, its note made the side's */
  for (guint i = 0; wanted != NULL && i < wanted->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (wanted->pieces, i);
      SmSpan *span = find_piece (document, piece);

      if (span == NULL)
        {
          g_ptr_array_add (missing, piece);
          continue;
        }
      g_ptr_array_remove (targets, span);
      if (g_strcmp0 (sm_span_get_note (span), piece->note) != 0)
        sm_document_set_span_note (document, span, piece->note);
    }

  /* The other sides' spans become the missing ones in place, in text
   * order, so that links to them are kept */
  for (guint i = 0; i < MAX (targets->len, missing->len); i++)
    {
      if (i < targets->len && i < missing->len)
        {
          if (!change_span (document, g_ptr_array_index (targets, i), g_ptr_array_index (missing, i), error))
            return FALSE;
        }
      else if (i < targets->len)
        sm_document_remove_span (document, g_ptr_array_index (targets, i));
      else if (add_piece (document, g_ptr_array_index (missing, i), error) == NULL)
        return FALSE;
    }

  if (wanted != NULL)
    add_links (document, wanted);

  return TRUE;
}

static gboolean
apply_links (SmDocument      *document,
             SmCurationItem  *item,
             Side            *wanted,
             GError         **error)
{
  if (find_piece (document, item->from) == NULL)
    {
      g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_SIDE,
                   _("The span “%s” these links start from is no longer there"), item->from->text);
      return FALSE;
    }

  for (guint s = 0; s < item->sides->len; s++)
    {
      Side *side = g_ptr_array_index (item->sides, s);

      for (guint i = 0; i < side->links->len; i++)
        {
          SmRelation *relation = find_link (document, g_ptr_array_index (side->links, i));

          if (relation != NULL)
            sm_document_remove_relation (document, relation);
        }
    }

  for (guint i = 0; wanted != NULL && i < wanted->links->len; i++)
    {
      Link *link = g_ptr_array_index (wanted->links, i);
      SmSpan *from = find_piece (document, link->from);
      SmSpan *to = find_piece (document, link->to);

      if (to == NULL)
        {
          g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_SIDE,
                       _("The span “%s” this link goes to is not in the document; tag it first"),
                       link->to->text);
          return FALSE;
        }
      if (sm_document_add_relation (document, link->type, from, to, error) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_value (SmDocument      *document,
             SmCurationItem  *item,
             Side            *wanted,
             GError         **error)
{
  if (item->kind == SM_CURATION_ITEM_STATUS)
    {
      SmDocumentStatus status;

      if (wanted != NULL && wanted->value != NULL &&
          sm_document_status_from_string (json_node_get_string (wanted->value), &status))
        sm_document_set_status (document, status);
      return TRUE;
    }

  /* A label: made as the side defined it */
  if (wanted != NULL && wanted->value != NULL && JSON_NODE_HOLDS_OBJECT (wanted->value))
    {
      JsonObject *object = json_node_get_object (wanted->value);
      const char *name = json_object_get_string_member_with_default (object, "name", NULL);
      const char *color = json_object_get_string_member_with_default (object, "color", NULL);
      const char *key = json_object_get_string_member_with_default (object, "key", NULL);
      SmLabel *label = sm_document_find_label (document, item->label);

      if (label == NULL)
        {
          g_autoptr(SmLabel) added = sm_label_new (item->label, name != NULL ? name : item->label, color, key);

          return sm_document_insert_label (document, added,
                                           g_list_model_get_n_items (sm_document_get_labels (document)),
                                           error);
        }
      return (name == NULL || sm_document_set_label_name (document, item->label, name, error)) &&
             (color == NULL || sm_document_set_label_color (document, item->label, color, error)) &&
             sm_document_set_label_key (document, item->label, key != NULL ? key : "", error);
    }

  return TRUE;
}

/* One user action: the spans (or links, status, label) and the decision */
static gboolean
decide (SmCuration      *self,
        SmCurationItem  *item,
        Side            *wanted,
        const char      *decision,
        GError         **error)
{
  gboolean done = TRUE;
  guint mark;

  sm_document_begin_user_action (self->document);
  mark = _sm_document_get_action_mark (self->document);
  if (decision != NULL && !g_str_equal (decision, "edited"))
    {
      switch (item->kind)
        {
        case SM_CURATION_ITEM_SPANS:
          done = apply_spans (self->document, item, wanted, error);
          break;
        case SM_CURATION_ITEM_RELATIONS:
          done = apply_links (self->document, item, wanted, error);
          break;
        case SM_CURATION_ITEM_STATUS:
        case SM_CURATION_ITEM_LABEL:
          done = apply_value (self->document, item, wanted, error);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  /* Half a decision is none: what it changed is taken back */
  if (done)
    sm_document_set_decision (self->document, item->id, decision);
  else
    _sm_document_revert_to_mark (self->document, mark);
  sm_document_end_user_action (self->document);

  return done;
}

/**
 * sm_curation_take_side:
 *
 * Makes the document what @side of @item has there, replacing what another
 * side put there, as one undoable action with the decision.
 *
 * Returns: %FALSE with @error set if the side cannot be taken as the
 *   document is now (nothing is changed then)
 */
gboolean
sm_curation_take_side (SmCuration      *self,
                       SmCurationItem  *item,
                       guint            side,
                       GError         **error)
{
  g_autofree char *decision = NULL;

  g_return_val_if_fail (SM_IS_CURATION (self), FALSE);
  g_return_val_if_fail (SM_IS_CURATION_ITEM (item), FALSE);
  g_return_val_if_fail (side < item->sides->len, FALSE);

  decision = g_strdup_printf ("taken %u", side);
  return decide (self, item, item_get_side (item, side), decision, error);
}

/**
 * sm_curation_drop:
 *
 * Leaves out every side of @item: none of their spans or links stay.
 */
void
sm_curation_drop (SmCuration     *self,
                  SmCurationItem *item)
{
  g_return_if_fail (SM_IS_CURATION (self));
  g_return_if_fail (SM_IS_CURATION_ITEM (item));

  if (item->kind == SM_CURATION_ITEM_STATUS || item->kind == SM_CURATION_ITEM_LABEL)
    {
      /* A document keeps a status and its labels: dropping keeps what it has */
      sm_curation_mark_edited (self, item);
      return;
    }
  decide (self, item, NULL, "dropped", NULL);
}

/**
 * sm_curation_mark_edited:
 *
 * Records that the curator made @item what it should be by hand: the
 * document keeps what it has there.
 */
void
sm_curation_mark_edited (SmCuration     *self,
                         SmCurationItem *item)
{
  g_return_if_fail (SM_IS_CURATION (self));
  g_return_if_fail (SM_IS_CURATION_ITEM (item));

  decide (self, item, NULL, "edited", NULL);
}

/* Takes, in one user action, the side @choose picks for each undecided
 * item; an item whose side cannot be taken as the document is now is left */
static guint
take_each (SmCuration *self,
           gint      (*choose) (SmCurationItem *item,
                                gconstpointer   data),
           gconstpointer data)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_taken = 0;

  sm_document_begin_user_action (self->document);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      gint side;

      if (item->state != SM_CURATION_UNDECIDED || (side = choose (item, data)) < 0)
        continue;
      if (sm_curation_take_side (self, item, side, NULL))
        n_taken++;
    }
  sm_document_end_user_action (self->document);

  return n_taken;
}

static gint
choose_majority (SmCurationItem *item,
                 gconstpointer   data)
{
  guint n_versions = 0;

  for (guint s = 0; s < item->sides->len; s++)
    n_versions += item_get_side (item, s)->annotators->len;

  /* Sides are sorted by how many versions took them */
  return item->sides->len > 0 && 2 * item_get_side (item, 0)->annotators->len > n_versions ? 0 : -1;
}

/**
 * sm_curation_take_majority:
 *
 * Takes, for each undecided item, the side more than half of the versions
 * took, as one undoable action. With two versions there is none.
 *
 * Returns: how many items were decided
 */
guint
sm_curation_take_majority (SmCuration *self)
{
  g_return_val_if_fail (SM_IS_CURATION (self), 0);

  return take_each (self, choose_majority, NULL);
}

static gint
choose_annotator (SmCurationItem *item,
                  gconstpointer   data)
{
  for (guint s = 0; s < item->sides->len; s++)
    if (g_ptr_array_find_with_equal_func (item_get_side (item, s)->annotators, data, g_str_equal, NULL))
      return s;

  return -1;
}

/**
 * sm_curation_take_annotator:
 * @annotator: a version's annotator, as the sides name them
 *
 * Takes @annotator's side of each undecided item, as one undoable action.
 *
 * Returns: how many items were decided
 */
guint
sm_curation_take_annotator (SmCuration *self,
                            const char *annotator)
{
  g_return_val_if_fail (SM_IS_CURATION (self), 0);
  g_return_val_if_fail (annotator != NULL, 0);

  return take_each (self, choose_annotator, annotator);
}

SmDocument *
sm_curation_get_document (SmCuration *self)
{
  g_return_val_if_fail (SM_IS_CURATION (self), NULL);

  return self->document;
}

/**
 * sm_curation_get_items:
 *
 * Returns: (transfer none): the SmCurationItem of each disagreement, in
 *   text order (those about the whole document first)
 */
GListModel *
sm_curation_get_items (SmCuration *self)
{
  g_return_val_if_fail (SM_IS_CURATION (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
sm_curation_get_n_decided (SmCuration *self)
{
  g_return_val_if_fail (SM_IS_CURATION (self), 0);

  return self->n_decided;
}

/**
 * sm_curation_get_item_at:
 *
 * Returns: (transfer none) (nullable): the item about the text at @offset
 */
SmCurationItem *
sm_curation_get_item_at (SmCuration *self,
                         guint       offset)
{
  guint n;

  g_return_val_if_fail (SM_IS_CURATION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmCurationItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->start > offset)
        break;
      if (item->start < item->end && offset < item->end)
        return item;
    }

  return NULL;
}

/* Curating a file: a merge's conflicts, or a curation saved unfinished */

static gboolean
record_is_unfinished (JsonNode *record)
{
  JsonArray *items;

  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record) ||
      !json_object_has_member (json_node_get_object (record), "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (record), "items")))
    return FALSE;

  items = json_object_get_array_member (json_node_get_object (record), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);

      if (JSON_NODE_HOLDS_OBJECT (item) && !json_object_has_member (json_node_get_object (item), "decision"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_conflicts (JsonNode *conflicts)
{
  return conflicts != NULL && JSON_NODE_HOLDS_ARRAY (conflicts) &&
         json_array_get_length (json_node_get_array (conflicts)) > 0;
}

/**
 * sm_curation_has_record:
 *
 * Returns: whether @document has something to curate: conflicts a merge
 *   left, or a curation saved before all was decided
 */
gboolean
sm_curation_has_record (SmDocument *document)
{
  g_return_val_if_fail (SM_IS_DOCUMENT (document), FALSE);

  return has_conflicts (sm_format_get_extra_member (document, SM_MERGE_CONFLICTS_MEMBER)) ||
         record_is_unfinished (sm_format_get_extra_member (document, SM_CURATION_MEMBER));
}

/**
 * sm_curation_is_result:
 *
 * Returns: whether @document is a curator's result of several
 *   annotators' versions (not a merge's file, whose record has none)
 */
gboolean
sm_curation_is_result (SmDocument *document)
{
  JsonNode *record;
  JsonObject *object;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), FALSE);

  record = sm_format_get_extra_member (document, SM_CURATION_MEMBER);
  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    return FALSE;

  object = json_node_get_object (record);
  return json_object_has_member (object, "versions") &&
         JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "versions")) &&
         json_array_get_length (json_object_get_array_member (object, "versions")) > 0;
}

static gboolean
kind_from_string (const char         *string,
                  SmCurationItemKind *kind)
{
  for (SmCurationItemKind k = SM_CURATION_ITEM_SPANS; k <= SM_CURATION_ITEM_LABEL; k++)
    if (g_strcmp0 (string, kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }

  return FALSE;
}

static void
item_set_range_from_sides (SmCurationItem *item)
{
  item->start = G_MAXUINT;
  item->end = 0;
  for (guint s = 0; s < item->sides->len; s++)
    {
      Side *side = g_ptr_array_index (item->sides, s);

      for (guint i = 0; i < side->pieces->len; i++)
        {
          item->start = MIN (item->start, piece_start (g_ptr_array_index (side->pieces, i)));
          item->end = MAX (item->end, piece_end (g_ptr_array_index (side->pieces, i)));
        }
    }
  if (item->from != NULL)
    {
      item->start = piece_start (item->from);
      item->end = piece_end (item->from);
    }
  if (item->start == G_MAXUINT)
    item->start = 0;
}

/* An item of a saved record */
static SmCurationItem *
item_new_from_record (SmDocument  *document,
                      JsonNode    *node,
                      guint        position,
                      GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("curation item %u"), position + 1);
  g_autoptr(SmCurationItem) item = NULL;
  JsonObject *object;
  SmCurationItemKind kind;
  JsonArray *sides;
  const char *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;
  object = json_node_get_object (node);
  id = json_object_get_string_member_with_default (object, "id", NULL);
  if (id == NULL || *id == '\0' ||
      !kind_from_string (json_object_get_string_member_with_default (object, "kind", NULL), &kind) ||
      !json_object_has_member (object, "sides") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sides")))
    goto invalid;

  item = item_new (kind);
  item->id = g_strdup (id);
  item->type = g_strdup (json_object_get_string_member_with_default (object, "type", NULL));
  item->label = g_strdup (json_object_get_string_member_with_default (object, "label", NULL));
  if (json_object_has_member (object, "from") &&
      (item->from = piece_new_from_json (document, json_object_get_member (object, "from"), where, error)) == NULL)
    return NULL;
  if ((kind == SM_CURATION_ITEM_RELATIONS && (item->from == NULL || item->type == NULL)) ||
      (kind == SM_CURATION_ITEM_LABEL && item->label == NULL))
    goto invalid;

  sides = json_object_get_array_member (object, "sides");
  for (guint s = 0; s < json_array_get_length (sides); s++)
    {
      JsonNode *side_node = json_array_get_element (sides, s);
      JsonObject *side_object;
      Side *side;

      if (!JSON_NODE_HOLDS_OBJECT (side_node))
        goto invalid;
      side_object = json_node_get_object (side_node);
      side = side_new ();
      g_ptr_array_add (item->sides, side);

      if (json_object_has_member (side_object, "annotators"))
        {
          JsonArray *annotators = json_object_get_array_member (side_object, "annotators");

          for (guint i = 0; annotators != NULL && i < json_array_get_length (annotators); i++)
            if (json_node_get_value_type (json_array_get_element (annotators, i)) == G_TYPE_STRING)
              g_ptr_array_add (side->annotators, g_strdup (json_array_get_string_element (annotators, i)));
        }
      if (json_object_has_member (side_object, "spans"))
        {
          JsonArray *spans = json_object_get_array_member (side_object, "spans");

          for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
            {
              Piece *piece = piece_new_from_json (document, json_array_get_element (spans, i), where, error);

              if (piece == NULL)
                return NULL;
              g_ptr_array_add (side->pieces, piece);
            }
        }
      if (json_object_has_member (side_object, "relations"))
        {
          JsonArray *links = json_object_get_array_member (side_object, "relations");

          for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
            {
              Link *link = link_new_from_json (document, json_array_get_element (links, i), where, error);

              if (link == NULL)
                return NULL;
              g_ptr_array_add (side->links, link);
            }
        }
      if (json_object_has_member (side_object, "value"))
        side->value = json_node_copy (json_object_get_member (side_object, "value"));
    }
  item_set_range_from_sides (item);

  /* The decision is the document's, undoable from here on */
  {
    const char *decision = json_object_get_string_member_with_default (object, "decision", NULL);
    gint64 side = json_object_get_int_member_with_default (object, "side", -1);

    if (g_strcmp0 (decision, "taken") == 0 && side >= 0 && side < item->sides->len)
      {
        g_autofree char *taken = g_strdup_printf ("taken %u", (guint) side);

        _sm_document_load_decision (document, item->id, taken);
      }
    else if (g_strcmp0 (decision, "dropped") == 0 || g_strcmp0 (decision, "edited") == 0)
      _sm_document_load_decision (document, item->id, decision);
    else if (decision != NULL)
      goto invalid;
  }

  return g_steal_pointer (&item);

invalid:
  g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
               _("%s: not an item as Spanmark records them (an “id”, a “kind” and “sides”)"), where);
  return NULL;
}

/* A conflict's side: a span object, a relation object (its ends by id in
 * @ends) or a value; JSON null is a side that has nothing */
static gboolean
add_conflict_side (SmCurationItem  *item,
                   SmDocument      *document,
                   SmDocument      *ends,
                   const char      *annotator,
                   JsonNode        *value,
                   const char      *where,
                   GError         **error)
{
  Side *side = side_new ();

  g_ptr_array_add (item->sides, side);
  g_ptr_array_add (side->annotators, g_strdup (annotator));
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  switch (item->kind)
    {
    case SM_CURATION_ITEM_SPANS:
      {
        Piece *piece = piece_new_from_json (document, value, where, error);

        if (piece == NULL)
          return FALSE;
        g_ptr_array_add (side->pieces, piece);
      }
      return TRUE;

    case SM_CURATION_ITEM_RELATIONS:
      {
        JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
        const char *type = object ? json_object_get_string_member_with_default (object, "type", NULL) : NULL;
        JsonNode *from_node = object ? json_object_get_member (object, "from_span") : NULL;
        JsonNode *to_node = object ? json_object_get_member (object, "to_span") : NULL;
        g_autoptr(Piece) from = NULL;
        g_autoptr(Piece) to = NULL;

        if (type == NULL)
          break;
        /* Ours name spans of this file by id; theirs are described whole */
        if (ends != NULL && from_node == NULL && to_node == NULL)
          {
            SmSpan *from_span = sm_document_find_span (ends, json_object_get_string_member_with_default (object, "from", ""));
            SmSpan *to_span = sm_document_find_span (ends, json_object_get_string_member_with_default (object, "to", ""));

            if (from_span == NULL || to_span == NULL)
              break;
            from = piece_new_from_span (ends, from_span);
            to = piece_new_from_span (ends, to_span);
          }
        else if ((from = piece_new_from_json (document, from_node, where, error)) == NULL ||
                 (to = piece_new_from_json (document, to_node, where, error)) == NULL)
          return FALSE;

        g_ptr_array_add (side->links, link_new (type, from, to));
        if (item->from == NULL)
          {
            item->from = piece_copy (from);
            item->type = g_strdup (type);
          }
      }
      return TRUE;

    case SM_CURATION_ITEM_STATUS:
    case SM_CURATION_ITEM_LABEL:
      side->value = json_node_copy (value);
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
               _("%s: a link must have a type and two spans"), where);
  return FALSE;
}

/* An item of a merge's conflict, or %NULL (no error) for a kind it does
 * not know, which is kept as it is */
static SmCurationItem *
item_new_from_conflict (SmDocument  *document,
                        JsonNode    *node,
                        guint        position,
                        GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("conflict %u"), position + 1);
  g_autoptr(SmCurationItem) item = NULL;
  JsonObject *object;
  const char *kind;
  const char *ours_name;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
                   _("%s: not a conflict as a merge records them"), where);
      return NULL;
    }
  object = json_node_get_object (node);
  kind = json_object_get_string_member_with_default (object, "kind", "");

  if (g_str_equal (kind, "label") || g_str_equal (kind, "range") || g_str_equal (kind, "note") ||
      g_str_equal (kind, "deleted") || g_str_equal (kind, "added"))
    item = item_new (SM_CURATION_ITEM_SPANS);
  else if (g_str_equal (kind, "speaker") || g_str_equal (kind, "relation"))
    item = item_new (SM_CURATION_ITEM_RELATIONS);
  else if (g_str_equal (kind, "status"))
    item = item_new (SM_CURATION_ITEM_STATUS);
  else if (g_str_equal (kind, "label-definition"))
    item = item_new (SM_CURATION_ITEM_LABEL);
  else
    return NULL;

  item->conflict = json_node_copy (node);
  ours_name = sm_document_get_annotator (document);
  if (!add_conflict_side (item, document, document, ours_name != NULL ? ours_name : _("Ours"),
                          json_object_get_member (object, "ours"), where, error) ||
      !add_conflict_side (item, document, NULL, _("Theirs"),
                          json_object_get_member (object, "theirs"), where, error))
    return NULL;

  if (item->kind == SM_CURATION_ITEM_LABEL)
    {
      const char *sides[] = { "ours", "theirs", "base" };

      for (guint i = 0; i < G_N_ELEMENTS (sides) && item->label == NULL; i++)
        {
          JsonNode *value = json_object_get_member (object, sides[i]);

          if (value != NULL && JSON_NODE_HOLDS_OBJECT (value))
            item->label = g_strdup (json_object_get_string_member_with_default (json_node_get_object (value),
                                                                               "id", NULL));
        }
      if (item->label == NULL)
        return NULL;
    }
  if (item->kind == SM_CURATION_ITEM_RELATIONS && item->from == NULL)
    {
      g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
                   _("%s: a link must have a type and two spans"), where);
      return NULL;
    }
  item_set_range_from_sides (item);

  return g_steal_pointer (&item);
}

/**
 * sm_curation_new_for_document:
 *
 * Curates @document where it is: the conflicts a merge recorded in it
 * (sides "ours" and "theirs"), and what a curation saved in it left
 * undecided. Its conflicts of kinds this version does not know are kept.
 *
 * Returns: (transfer full): the curation, or %NULL with @error set
 */
SmCuration *
sm_curation_new_for_document (SmDocument  *document,
                              GError     **error)
{
  g_autoptr(SmCuration) self = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *record = sm_format_get_extra_member (document, SM_CURATION_MEMBER);
  JsonNode *conflicts = sm_format_get_extra_member (document, SM_MERGE_CONFLICTS_MEMBER);
  guint next_conflict = 1;

  g_return_val_if_fail (SM_IS_DOCUMENT (document), NULL);

  if (!sm_curation_has_record (document))
    {
      g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
                   _("“%s” has no conflicts or curation to decide"), sm_document_get_name (document));
      return NULL;
    }

  self = g_object_new (SM_TYPE_CURATION, NULL);
  self->document = g_object_ref (document);

  if (record != NULL && JSON_NODE_HOLDS_OBJECT (record))
    {
      JsonObject *object = json_node_get_object (record);
      JsonArray *array;

      self->curator = g_strdup (json_object_get_string_member_with_default (object, "curator", NULL));
      array = json_object_has_member (object, "versions") ? json_object_get_array_member (object, "versions") : NULL;
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        g_ptr_array_add (self->versions, json_node_copy (json_array_get_element (array, i)));

      array = json_object_has_member (object, "items") ? json_object_get_array_member (object, "items") : NULL;
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          SmCurationItem *item = item_new_from_record (document, json_array_get_element (array, i), i, error);

          if (item == NULL)
            return NULL;
          if (!g_hash_table_add (ids, item->id))
            {
              g_set_error (error, SM_CURATION_ERROR, SM_CURATION_ERROR_RECORD,
                           _("curation item %u: the id “%s” is used twice"), i + 1, item->id);
              g_object_unref (item);
              return NULL;
            }
          g_ptr_array_add (items, item);
        }
    }
  if (self->curator == NULL)
    self->curator = g_strdup (sm_document_get_annotator (document));

  for (guint i = 0; has_conflicts (conflicts) && i < json_array_get_length (json_node_get_array (conflicts)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (conflicts), i);
      g_autoptr(GError) local_error = NULL;
      SmCurationItem *item = item_new_from_conflict (document, node, i, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (item == NULL)
        {
          json_array_add_element (self->kept_conflicts, json_node_copy (node));
          continue;
        }
      do
        {
          g_free (item->id);
          item->id = g_strdup_printf ("C%u", next_conflict++);
        }
      while (g_hash_table_contains (ids, item->id));
      g_hash_table_add (ids, item->id);
      g_ptr_array_add (items, item);
    }

  g_ptr_array_sort (items, item_compare);
  finish (self, items);

  return g_steal_pointer (&self);
}
