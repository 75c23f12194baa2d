import './A.css'




