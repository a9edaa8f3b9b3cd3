/* sm-relation-types.c: which labels a relation of each type may link, in order.
 *
 * The table of relation types that a document (its own rules) and a
 * project (a folder's schema) each hold: a type's name and the label ids
 * a relation of it may start and end at, in the order they were added,
 * which is the order files write them in. The owners validate what goes
 * in, each with its own rule and message (a document takes any label id,
 * a project only its own labels), and keep whatever else they need beside
 * it: a project the members of its file it does not know.
 *
 * A plain struct with functions, like SmJsonReader, rather than a GObject
 * like SmRelationList: it has one owner, which says when it changes (a
 * document's version, a project's ::changed), nothing binds to it or
 * lists it, and two owners never share one (a document takes a project's
 * types as copies, and changes them on its own), so neither signals nor a
 * reference count would buy anything.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-relation-types"

#include "config.h"

#include "sm-label.h"
#include "sm-relation.h"
#include "sm-relation-types.h"

typedef struct
{
  char  *name;
  GStrv  from;   /* label ids */
  GStrv  to;
} Entry;

struct _SmRelationTypes
{
  GPtrArray *entries;   /* Entry, in their order */
};

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_strfreev (entry->from);
  g_strfreev (entry->to);
  g_free (entry);
}

static Entry *
entry_new (const char         *name,
           const char * const *from,
           const char * const *to)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->name = g_strdup (name);
  entry->from = g_strdupv ((char **) from);
  entry->to = g_strdupv ((char **) to);

  return entry;
}

static Entry *
find_entry (SmRelationTypes *self,
            const char      *type,
            guint           *position)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->name, type) == 0)
        {
          if (position != NULL)
            *position = i;
          return entry;
        }
    }

  return NULL;
}

/**
 * sm_relation_types_new:
 *
 * Returns: (transfer full): a table with no relation types
 */
SmRelationTypes *
sm_relation_types_new (void)
{
  SmRelationTypes *self = g_new0 (SmRelationTypes, 1);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  return self;
}

/**
 * sm_relation_types_copy:
 *
 * Returns: (transfer full): a table with the same types in the same order,
 *   which changes on its own
 */
SmRelationTypes *
sm_relation_types_copy (SmRelationTypes *self)
{
  SmRelationTypes *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sm_relation_types_new ();
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      g_ptr_array_add (copy->entries,
                       entry_new (entry->name,
                                  (const char * const *) entry->from,
                                  (const char * const *) entry->to));
    }

  return copy;
}

void
sm_relation_types_free (SmRelationTypes *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->entries);
  g_free (self);
}

guint
sm_relation_types_get_n_types (SmRelationTypes *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * sm_relation_types_get_nth:
 *
 * Returns: the name of the relation type at @position
 */
const char *
sm_relation_types_get_nth (SmRelationTypes *self,
                           guint            position)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  entry = g_ptr_array_index (self->entries, position);

  return entry->name;
}

/**
 * sm_relation_types_find:
 * @type: (nullable): a relation type's name
 * @position: (out) (optional): where it is
 *
 * Returns: whether the table has @type
 */
gboolean
sm_relation_types_find (SmRelationTypes *self,
                        const char      *type,
                        guint           *position)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return find_entry (self, type, position) != NULL;
}

/**
 * sm_relation_types_get_from:
 *
 * Returns: (transfer none) (nullable): the labels a relation of @type may
 *   start at, or %NULL if the table has no such type
 */
const char * const *
sm_relation_types_get_from (SmRelationTypes *self,
                            const char      *type)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = find_entry (self, type, NULL);

  return entry ? (const char * const *) entry->from : NULL;
}

/**
 * sm_relation_types_get_to:
 *
 * Returns: (transfer none) (nullable): the labels a relation of @type may
 *   point to, or %NULL if the table has no such type
 */
const char * const *
sm_relation_types_get_to (SmRelationTypes *self,
                          const char      *type)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = find_entry (self, type, NULL);

  return entry ? (const char * const *) entry->to : NULL;
}

/**
 * sm_relation_types_set:
 * @type: a relation type's name, already checked by the caller
 * @from: the ids of the labels a relation of @type may start at
 * @to: the ids of the labels it may point to
 *
 * Adds @type at the end, or gives it new labels where it stands. @from
 * and @to may be the table's own (a type's labels set again).
 */
void
sm_relation_types_set (SmRelationTypes    *self,
                       const char         *type,
                       const char * const *from,
                       const char * const *to)
{
  Entry *entry;
  GStrv old_from, old_to;

  g_return_if_fail (self != NULL);
  g_return_if_fail (type != NULL);
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);

  if ((entry = find_entry (self, type, NULL)) == NULL)
    {
      g_ptr_array_add (self->entries, entry_new (type, from, to));
      return;
    }

  old_from = entry->from;
  old_to = entry->to;
  entry->from = g_strdupv ((char **) from);
  entry->to = g_strdupv ((char **) to);
  g_strfreev (old_from);
  g_strfreev (old_to);
}

/**
 * sm_relation_types_remove:
 *
 * Returns: whether the table had @type (it no longer has)
 */
gboolean
sm_relation_types_remove (SmRelationTypes *self,
                          const char      *type)
{
  guint position;

  g_return_val_if_fail (self != NULL, FALSE);

  if (find_entry (self, type, &position) == NULL)
    return FALSE;

  g_ptr_array_remove_index (self->entries, position);

  return TRUE;
}

void
sm_relation_types_clear (SmRelationTypes *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->entries, 0);
}

/**
 * sm_relation_types_reset:
 *
 * Leaves the default table, which every document starts with: said_by
 * from a CLAIM to a SPEAKER.
 */
void
sm_relation_types_reset (SmRelationTypes *self)
{
  const char * const from[] = { SM_LABEL_CLAIM, NULL };
  const char * const to[] = { SM_LABEL_SPEAKER, NULL };

  g_return_if_fail (self != NULL);

  sm_relation_types_clear (self);
  sm_relation_types_set (self, SM_RELATION_SAID_BY, from, to);
}

/**
 * sm_relation_types_is_default:
 *
 * Returns: whether the table is the default one (sm_relation_types_reset()),
 *   which a file need not write
 */
gboolean
sm_relation_types_is_default (SmRelationTypes *self)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->entries->len != 1)
    return FALSE;

  entry = g_ptr_array_index (self->entries, 0);

  return g_strcmp0 (entry->name, SM_RELATION_SAID_BY) == 0 &&
         g_strv_length (entry->from) == 1 &&
         g_strcmp0 (entry->from[0], SM_LABEL_CLAIM) == 0 &&
         g_strv_length (entry->to) == 1 &&
         g_strcmp0 (entry->to[0], SM_LABEL_SPEAKER) == 0;
}

/**
 * sm_relation_types_allows:
 *
 * Returns: whether the table has @type and lets a relation of it go from
 *   a span labelled @from_label to one labelled @to_label. What a type
 *   the table lacks may link is the owner's rule: check with
 *   sm_relation_types_find() first.
 */
gboolean
sm_relation_types_allows (SmRelationTypes *self,
                          const char      *type,
                          const char      *from_label,
                          const char      *to_label)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (from_label != NULL, FALSE);
  g_return_val_if_fail (to_label != NULL, FALSE);

  if ((entry = find_entry (self, type, NULL)) == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) entry->from, from_label) &&
         g_strv_contains ((const char * const *) entry->to, to_label);
}

/**
 * sm_relation_types_names_label:
 * @label: a label id
 *
 * Returns: whether any type lets a relation start or end at @label
 */
gboolean
sm_relation_types_names_label (SmRelationTypes *self,
                               const char      *label)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strv_contains ((const char * const *) entry->from, label) ||
          g_strv_contains ((const char * const *) entry->to, label))
        return TRUE;
    }

  return FALSE;
}

static void
strv_replace (GStrv       strv,
              const char *string,
              const char *replacement)
{
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (g_strcmp0 (strv[i], string) == 0)
        {
          g_free (strv[i]);
          strv[i] = g_strdup (replacement);
        }
    }
}

/**
 * sm_relation_types_replace_label:
 * @label: a label id
 * @new_label: the id it takes instead
 *
 * Makes every type that names @label name @new_label in its place, as
 * when a label takes a new id.
 */
void
sm_relation_types_replace_label (SmRelationTypes *self,
                                 const char      *label,
                                 const char      *new_label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (new_label != NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      strv_replace (entry->from, label, new_label);
      strv_replace (entry->to, label, new_label);
    }
}

/* Drops @string from @strv where it stands, keeping the others' order */
static void
strv_remove (GStrv       strv,
             const char *string)
{
  guint kept = 0;

  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (g_strcmp0 (strv[i], string) == 0)
        g_free (strv[i]);
      else
        strv[kept++] = strv[i];
    }

  strv[kept] = NULL;
}

/**
 * sm_relation_types_remove_label:
 * @label: a label id
 *
 * Takes @label out of every type that names it, as when the label is
 * removed. The types stay, even those left with no label at an end.
 */
void
sm_relation_types_remove_label (SmRelationTypes *self,
                                const char      *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      strv_remove (entry->from, label);
      strv_remove (entry->to, label);
    }
}
