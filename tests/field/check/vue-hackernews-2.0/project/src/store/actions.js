import {
  fetchUser,
  fetchItems,
  fetchIdsByType
} from '../api'












































