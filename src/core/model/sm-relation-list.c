/* sm-relation-list.c: a document's relations, in the order they were made.
 *
 * A GListModel like GListStore, but one that finds a relation to remove in
 * O(log n) rather than by walking the list: deleting a speaker that
 * fifty claims cite must not cost a scan of every relation per claim. The
 * relations sit in a GSequence (a balanced tree that knows positions), and
 * a table remembers where each one is.
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-relation-list"

#include "config.h"

#include "sm-relation-list.h"

struct _SmRelationList
{
  GObject     parent_instance;
  GSequence  *relations;   /* of SmRelation, holding a reference */
  GHashTable *iters;       /* SmRelation -> GSequenceIter */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmRelationList, sm_relation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
sm_relation_list_get_item_type (GListModel *model)
{
  return SM_TYPE_RELATION;
}

static guint
sm_relation_list_get_n_items (GListModel *model)
{
  SmRelationList *self = SM_RELATION_LIST (model);

  return g_sequence_get_length (self->relations);
}

static gpointer
sm_relation_list_get_item (GListModel *model,
                           guint       position)
{
  SmRelationList *self = SM_RELATION_LIST (model);
  GSequenceIter *iter = g_sequence_get_iter_at_pos (self->relations, position);

  if (g_sequence_iter_is_end (iter))
    return NULL;

  return g_object_ref (g_sequence_get (iter));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sm_relation_list_get_item_type;
  iface->get_n_items = sm_relation_list_get_n_items;
  iface->get_item = sm_relation_list_get_item;
}

static void
sm_relation_list_finalize (GObject *object)
{
  SmRelationList *self = (SmRelationList *)object;

  g_clear_pointer (&self->iters, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_sequence_free);

  G_OBJECT_CLASS (sm_relation_list_parent_class)->finalize (object);
}

static void
sm_relation_list_class_init (SmRelationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_relation_list_finalize;
}

static void
sm_relation_list_init (SmRelationList *self)
{
  self->relations = g_sequence_new (g_object_unref);
  self->iters = g_hash_table_new (NULL, NULL);
}

SmRelationList *
sm_relation_list_new (void)
{
  return g_object_new (SM_TYPE_RELATION_LIST, NULL);
}

/**
 * sm_relation_list_append:
 * @relation: a relation not in the list
 *
 * Adds @relation at the end, taking a reference.
 */
void
sm_relation_list_append (SmRelationList *self,
                         SmRelation     *relation)
{
  GSequenceIter *iter;
  guint position;

  g_return_if_fail (SM_IS_RELATION_LIST (self));
  g_return_if_fail (SM_IS_RELATION (relation));
  g_return_if_fail (!g_hash_table_contains (self->iters, relation));

  position = g_sequence_get_length (self->relations);
  iter = g_sequence_append (self->relations, g_object_ref (relation));
  g_hash_table_insert (self->iters, relation, iter);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * sm_relation_list_remove:
 *
 * Returns: whether @relation was in the list
 */
gboolean
sm_relation_list_remove (SmRelationList *self,
                         SmRelation     *relation)
{
  GSequenceIter *iter;
  guint position;

  g_return_val_if_fail (SM_IS_RELATION_LIST (self), FALSE);
  g_return_val_if_fail (SM_IS_RELATION (relation), FALSE);

  if (!g_hash_table_steal_extended (self->iters, relation, NULL, (gpointer *) &iter))
    return FALSE;

  position = g_sequence_iter_get_position (iter);
  g_sequence_remove (iter);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}
