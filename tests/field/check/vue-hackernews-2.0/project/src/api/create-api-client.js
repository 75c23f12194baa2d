import Firebase from 'firebase/app'
import 'firebase/database'





