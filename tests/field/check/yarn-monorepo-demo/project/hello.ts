
import snakecase from 'lodash.snakecase';








