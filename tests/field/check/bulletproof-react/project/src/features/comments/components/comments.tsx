import { CommentsList } from './comments-list';
import { CreateComment } from './create-comment';
















